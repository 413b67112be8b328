// The policy pack under test, run as the engine runs it (tools/plan/policy/): its own process, asked over gRPC about
// resources each test declares, so every policy is proven through the same protocol `pulumi preview` uses.
import * as path from "node:path";
import { after, before } from "node:test";
import { findProjectRoot } from "../../infra/registry/projectRoot";
import type { ProgramRun, RecordedResource } from "../../tools/mocks/mockEngine";
import { judgeStack, PolicyReport, PolicyViolation } from "../../tools/plan/policy/judge";
import { PackProcess, startPack } from "../../tools/plan/policy/packProcess";

export const packDir = path.join(findProjectRoot(__dirname), "policy");
const project = "fargate-service";

/** Starts the pack before the file's tests and stops it after them; `judge` asks it about a list of resources. */
export function packForThisFile(): { judge(resources: RecordedResource[]): Promise<PolicyReport> } {
    let pack: PackProcess;
    let address: string;
    before(async () => {
        pack = startPack(packDir);
        address = await pack.address;
    });
    after(() => pack.stop());
    return {
        judge(resources) {
            const stack =
                resources.length === 0 ? "dev" : (/^urn:pulumi:([^:]+)::/.exec(resources[0].urn)?.[1] ?? "dev");
            const run: ProgramRun = { project, stack, resources, invokes: [], outputs: {} };
            return judgeStack(address, run);
        },
    };
}

export interface Declaration {
    stack?: string;
    /** Inputs whose values come from other resources, as the SDK reports them to the engine. */
    from?: Record<string, RecordedResource[]>;
    outputs?: Record<string, unknown>;
}

/** A custom resource as the mock engine records one. */
export function declare(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    declaration: Declaration = {},
): RecordedResource {
    const from = declaration.from ?? {};
    return {
        urn: `urn:pulumi:${declaration.stack ?? "dev"}::${project}::${type}::${name}`,
        type,
        name,
        parent: undefined,
        custom: true,
        id: `${name}-id`,
        inputs,
        outputs: declaration.outputs ?? {},
        dependencies: [...new Set(Object.values(from).flatMap((resources) => resources.map((r) => r.urn)))],
        propertyDependencies: Object.fromEntries(
            Object.entries(from).map(([input, resources]) => [input, resources.map((r) => r.urn)]),
        ),
        protect: false,
        retainOnDelete: false,
        customTimeouts: { create: "", update: "", delete: "" },
        ignoreChanges: [],
    };
}

/** The violations of one policy, as "level resource: message" lines. */
export function violationsOf(report: PolicyReport, policy: string): string[] {
    return report.violations
        .filter((violation: PolicyViolation) => violation.policy === policy)
        .map((violation) => `${violation.level} ${violation.resource?.name ?? "stack"}: ${violation.message}`);
}
