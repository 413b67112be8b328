// The model loader reads botocore's data files, gzipped or plain, and says when there are none; the shape check
// reads Java patterns as AWS does (whole value, POSIX classes) and counts what it applies.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { after, describe, it } from "node:test";
import { findBotocore } from "../../../tools/checks/awsApi/botocoreModels";
import { compilePattern } from "../../../tools/checks/awsApi/javaPatterns";
import { checkShape, ShapeTally } from "../../../tools/checks/awsApi/shapeRules";
import { reportLines } from "../../../tools/checks/awsApi/stackReport";
import { requireModels } from "./awsModels";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "botocore-test-"));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A botocore package directory with one service model, as botocore 1.32+ (gzipped) or 1.29 (plain) ships it. */
function fakeBotocore(name: string, version: string, gzipped: boolean): string {
    const dir = path.join(scratch, name);
    const models = path.join(dir, "data", "logs");
    for (const apiVersion of ["2012-01-01", "2014-03-28"]) {
        fs.mkdirSync(path.join(models, apiVersion), { recursive: true });
        const model = JSON.stringify({ metadata: { apiVersion }, operations: {}, shapes: {} });
        const file = path.join(models, apiVersion, "service-2.json");
        if (gzipped) fs.writeFileSync(`${file}.gz`, zlib.gzipSync(model));
        else fs.writeFileSync(file, model);
    }
    fs.writeFileSync(path.join(dir, "__init__.py"), `__version__ = '${version}'\n`);
    return dir;
}

describe("botocore's models", () => {
    it("are read gzipped (pip's botocore) or plain (Debian bookworm's), the newest API version of a service", () => {
        for (const [name, gzipped] of [
            ["gzipped", true],
            ["plain", false],
        ] as const) {
            const models = findBotocore([path.join(scratch, "absent"), fakeBotocore(name, "1.29.27", gzipped)]);
            assert.equal(models?.version, "1.29.27");
            assert.equal(models?.service("logs").metadata.apiVersion, "2014-03-28");
        }
    });

    it("missing, leave the plan's section one line saying how to install them", () => {
        assert.equal(findBotocore([path.join(scratch, "absent")]), undefined);
        assert.deepEqual(reportLines(undefined), [
            "not checked: AWS's API models were not found: python3 has no botocore and Debian's python3-botocore is " +
                "not installed (apt-get install python3-botocore, or pip install botocore)",
        ]);
    });

    it("are found on this machine through python3 or Debian's package", () => {
        assert.match(requireModels().version, /^\d+\.\d+\.\d+$/);
    });
});

describe("a model pattern", () => {
    it("must match the whole value, as AWS's validation matches it", () => {
        const rolePath = compilePattern("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
        assert.deepEqual(
            ["/", "/fargate-service/", "fargate-service", "/fargate-service"].map((value) => rolePath?.test(value)),
            [true, true, false, false],
        );
    });

    it("may use Java's POSIX classes, outside and inside a character class", () => {
        assert.equal(compilePattern("\\p{Print}+")?.test("policy-name 1"), true);
        assert.equal(compilePattern("\\p{Print}+")?.test("tab\there"), false);
        assert.equal(compilePattern("[\\p{Alnum}-]+")?.test("a-1"), true);
    });
});

describe("a shape", () => {
    const target = { model: requireModels().service("elbv2"), service: "elbv2", member: "CreateTargetGroup.Port" };

    it("refuses a value of the wrong type before its range, and counts each rule it applies", () => {
        const tally = new ShapeTally();
        checkShape(target, "Port", "80", "port", tally);
        assert.deepEqual(
            tally.violations.map((v) => v.rule),
            ["is an integer"],
        );
        checkShape(target, "Port", 80, "port", tally);
        assert.equal(tally.rulesApplied, 1 + 3); // the first check stops at the type; the second applies type, min, max
    });
});
