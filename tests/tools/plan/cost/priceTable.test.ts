// The price tables: every price names the AWS pricing page it belongs to, the day it was read and what was read
// where; a price no stored page gave is null and says so. The type tokens the estimate prices are the providers' own.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as aws from "@pulumi/aws";
import { freeTypes, pricedTypes } from "../../../../tools/plan/cost/billedTypes";
import { priceTableFor, priceTableRegions } from "../../../../tools/plan/cost/priceTable";

describe("the price tables", () => {
    for (const region of priceTableRegions()) {
        it(`${region}: every price has its AWS page, the day it was read and what was read`, () => {
            const table = priceTableFor(region);
            assert.equal(table.region, region);
            for (const [key, price] of Object.entries(table.prices)) {
                assert.match(price.source, /^https:\/\/aws\.amazon\.com\/[a-z0-9-]+\/pricing\/$/, key);
                assert.match(price.read, /^\d{4}-\d{2}-\d{2}$/, key);
                assert.ok(price.evidence.length > 40, `${key} says too little about where its figure was read`);
                if (price.usd === null) {
                    assert.match(price.evidence, /^Not found: /, `${key} has no figure and must say so`);
                } else {
                    assert.ok(price.usd >= 0, key);
                    assert.ok(price.usd === 0 || /\$|free|charge/i.test(price.evidence), `${key} quotes no figure`);
                }
            }
        });
    }

    it("refuses a region it has no table for in one line naming aws:region, the value and the regions it has", () => {
        assert.throws(
            () => priceTableFor("eu-west-3"),
            /^Error: aws:region is "eu-west-3", which has no price table; the cost estimate has tables for: us-east-1 \(tools\/plan\/cost\/prices\/\)$/,
        );
        assert.throws(() => priceTableFor(undefined), /^Error: aws:region is not set, which has no price table/);
    });
});

describe("the type tokens the estimate knows", () => {
    /** "aws:wafv2/webAcl:WebAcl" is the class aws.wafv2.WebAcl, whose __pulumiType is the token. */
    const providerToken = (token: string): string | undefined => {
        const match = /^aws:([a-zA-Z0-9]+)\/[a-zA-Z0-9]+:([A-Za-z0-9]+)$/.exec(token);
        const modules = aws as unknown as Record<string, Record<string, { __pulumiType?: string } | undefined>>;
        return match === null ? undefined : modules[match[1]]?.[match[2]]?.__pulumiType;
    };

    it("spells every aws type as the installed @pulumi/aws does", () => {
        const tokens = [...Object.values(pricedTypes), ...freeTypes].filter((token) => token.startsWith("aws:"));
        assert.ok(tokens.length > 20);
        assert.deepEqual(
            tokens.filter((token) => providerToken(token) !== token),
            [],
        );
    });
});
