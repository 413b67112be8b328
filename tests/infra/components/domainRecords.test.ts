// The DomainRecords component alone: the stack's name pointed at the load balancer.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomainRecords, DomainRecordsArgs } from "../../../infra/loadBalancer/domainRecords";
import { promiseOf, tokens } from "../stackRun";
import { declaredBy } from "./unitEngine";

const baseArgs: DomainRecordsArgs = {
    domainName: "app.example.com",
    zoneId: "Z0123456789ABCDEFGHIJ",
    loadBalancerDnsName: "web-alb-1234567890.us-east-1.elb.amazonaws.com",
    loadBalancerZoneId: "Z35SXDOTRQ7X7K",
};

describe("DomainRecords", () => {
    it("aliases the domain to the load balancer with an A record only, as the load balancer is IPv4", async () => {
        const records = new DomainRecords("alias", baseArgs);
        const declared = await declaredBy(records);
        const alias = declared.one(tokens.dnsRecord).inputs;
        assert.deepEqual(
            [alias.zoneId, alias.name, alias.type, alias.records, alias.ttl],
            [baseArgs.zoneId, "app.example.com", "A", undefined, undefined],
        );
        assert.deepEqual(alias.aliases, [
            { name: baseArgs.loadBalancerDnsName, zoneId: baseArgs.loadBalancerZoneId, evaluateTargetHealth: true },
        ]);
        assert.equal(await promiseOf(records.fqdn), "app.example.com");
    });
});
