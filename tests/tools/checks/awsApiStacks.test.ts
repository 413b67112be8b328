// The dev and prod plans pass the AWS API check with every input accounted for, every type they declare is mapped,
// and the tables name only API members botocore's models have and inputs @pulumi/aws has.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { isNotSent } from "../../../tools/checks/awsApi/apiMapping";
import { checkAwsApi, memberShape, secretValue } from "../../../tools/checks/awsApi/checkStack";
import { apiMappings } from "../../../tools/checks/awsApi/mappings";
import { secretPlaceholder } from "../../../tools/mocks/recorder";
import { componentTypes, resourceTypes } from "../../../tools/resourceTypes";
import { repositoryRoot } from "../plan/planCli";
import { requireModels, reviewedSnapshot } from "./awsModels";

const models = requireModels();
const stacks = ["dev", "prod"] as const;

describe("AWS API rules on the dev and prod plans", () => {
    for (const stack of stacks) {
        it(`${stack}: AWS would refuse none of its inputs, and none goes unchecked`, () => {
            const snapshot = reviewedSnapshot(stack);
            const report = checkAwsApi(snapshot, models);
            assert.deepEqual(report.refusals, []);
            assert.deepEqual(report.notChecked, []);
            assert.deepEqual(report.uncheckedPatterns, []);
            // Every AWS and Docker resource, and each component of another package (awsx) whose arguments reach AWS.
            const components: readonly string[] = Object.values(componentTypes);
            assert.equal(
                report.resourcesChecked,
                snapshot.resources.filter((r) => r.custom || components.includes(r.type)).length,
            );
        });
    }

    it("every resource type the plans declare and every type of the resource-type table has an API mapping, and so do the components of other packages", () => {
        const planned = stacks.flatMap((stack) =>
            reviewedSnapshot(stack)
                .resources.filter((r) => r.custom)
                .map((r) => r.type),
        );
        const unmapped = [
            ...new Set([...planned, ...Object.values(resourceTypes), ...Object.values(componentTypes)]),
        ].filter((type) => apiMappings[type] === undefined);
        assert.deepEqual(unmapped, []);
    });

    it("the check skips the recorder's stand-in for secrets, whatever it is", () => {
        assert.equal(secretValue, secretPlaceholder);
    });
});

describe("the mapping tables", () => {
    it("name only operations and members that botocore's models have", (t) => {
        const missing = Object.entries(apiMappings).flatMap(([type, mapping]) =>
            Object.values(mapping.inputs)
                .flatMap((target) => (isNotSent(target) ? [] : Array.isArray(target) ? target : [target]))
                .filter(
                    (target) =>
                        memberShape(models.service(mapping.service), target.operation, target.member) === undefined,
                )
                .map((target) => `${type}: ${mapping.service} ${target.operation}.${target.member}`),
        );
        if (missing.length > 0 && olderThan(models.version, "1.43")) {
            t.skip(
                `botocore ${models.version} predates the models the tables were read from (1.43): ${missing.join("; ")}`,
            );
            return;
        }
        assert.deepEqual(missing, []);
    });

    it("name only inputs that @pulumi/aws declares for the type", () => {
        const unknown = Object.entries(apiMappings)
            .filter(([type]) => type.startsWith("aws:"))
            .flatMap(([type, mapping]) => {
                const declared = declaredInputs(type);
                return Object.keys(mapping.inputs)
                    .map((input) => input.split(".")[0])
                    .filter((input) => !declared.has(input))
                    .map((input) => `${type} ${input}`);
            });
        assert.deepEqual(unknown, []);
    });
});

/** The properties of the `XxxArgs` interface in @pulumi/aws's declaration of the type. */
function declaredInputs(type: string): Set<string> {
    const [, module, name] = /^aws:([a-z0-9]+)\/([A-Za-z0-9]+):([A-Za-z0-9]+)$/.exec(type) ?? [];
    const file = path.join(repositoryRoot, "node_modules", "@pulumi", "aws", module, `${name}.d.ts`);
    const text = fs.readFileSync(file, "utf8");
    const start = text.indexOf(`export interface ${type.split(":")[2]}Args {`);
    const body = text.slice(start, text.indexOf("\n}", start));
    return new Set([...body.matchAll(/^ {4}(\w+)\??:/gm)].map((match) => match[1]));
}

function olderThan(version: string, minimum: string): boolean {
    const [major, minor] = version.split(".").map(Number);
    const [wantedMajor, wantedMinor] = minimum.split(".").map(Number);
    return major < wantedMajor || (major === wantedMajor && minor < wantedMinor);
}
