// Runs the real program for a stack under the mock engine and offers small lookups over what it declared.
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { ProgramRun, RecordedInvoke, RecordedResource, runProgram } from "../../tools/mocks/mockEngine";
import { loadStackConfig } from "../../tools/mocks/stackConfig";
import { resourceTypes } from "../../tools/resourceTypes";
import { findProjectRoot } from "../../infra/registry/projectRoot";

export const projectRoot = findProjectRoot(__dirname);
/** The compiled program when the tests run compiled, the same relative path either way. */
export const programPath = path.resolve(__dirname, "../../infra");
/** A commit SHA as CI would pass it; no stack file sets imageTag, as it changes with every commit. */
export const testImageTag = "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";

/** The type tokens, as the plan names them: one table for the plan and the tests. */
export const tokens = resourceTypes;

/** The stack outputs the program exports. */
export interface ProgramExports {
    url: pulumi.Output<string>;
    repositoryUrl: pulumi.Output<string>;
    image: pulumi.Output<string>;
    clusterName: pulumi.Output<string>;
    serviceName: pulumi.Output<string>;
    logGroupName: pulumi.Output<string>;
    taskDefinitionArn: pulumi.Output<string>;
    alarmTopicArn: pulumi.Output<string>;
}

/** What a program or a component declared, with lookups by type token. */
export class Declared {
    constructor(
        readonly resources: RecordedResource[],
        readonly invokes: readonly RecordedInvoke[],
    ) {}

    all(type: string): RecordedResource[] {
        return this.resources.filter((resource) => resource.type === type);
    }

    /** The one resource of `type` (named `name`, when given); fails when there is none or more than one. */
    one(type: string, name?: string): RecordedResource {
        const found = this.all(type).filter((resource) => name === undefined || resource.name === name);
        if (found.length !== 1) {
            throw new Error(`expected one ${type}${name === undefined ? "" : ` named ${name}`}, found ${found.length}`);
        }
        return found[0];
    }

    /** The resources whose input `key` equals `value`, e.g. the rules of one security group. */
    where(type: string, key: string, value: unknown): RecordedResource[] {
        return this.all(type).filter((resource) => resource.inputs[key] === value);
    }

    invoked(token: string): boolean {
        return this.invokes.some((invoke) => invoke.token === token);
    }

    /** The task definition's single container, parsed from its JSON. */
    container(): Record<string, any> {
        const definitions = JSON.parse(String(this.one(tokens.taskDefinition).inputs.containerDefinitions)) as Record<
            string,
            any
        >[];
        if (definitions.length !== 1) {
            throw new Error(`expected one container definition, found ${definitions.length}`);
        }
        return definitions[0];
    }
}

/** A whole program's run: what it declared, and the Outputs it exported. */
export class StackRun extends Declared {
    constructor(
        readonly run: ProgramRun,
        readonly program: ProgramExports,
    ) {
        super(run.resources, run.invokes);
    }
}

/**
 * Loads the stack's configuration as the Pulumi CLI would (Pulumi.yaml, then Pulumi.<stack>.yaml), applies
 * `overrides` (short keys of the project's namespace) and `secretOverrides` (passed as secrets, as values set with
 * `pulumi config set --secret` are), and runs the program once in this process.
 */
export async function runStack(
    stack: string,
    overrides: Record<string, string> = {},
    secretOverrides: Record<string, string> = {},
): Promise<StackRun> {
    const stackConfig = loadStackConfig(projectRoot, stack);
    const config = { ...stackConfig.config, [`${stackConfig.project}:imageTag`]: testImageTag };
    for (const [key, value] of Object.entries({ ...overrides, ...secretOverrides })) {
        config[`${stackConfig.project}:${key}`] = value;
    }
    const run = await runProgram(programPath, {
        project: stackConfig.project,
        stack,
        config,
        secretKeys: [
            ...stackConfig.secretKeys,
            ...Object.keys(secretOverrides).map((key) => `${stackConfig.project}:${key}`),
        ],
    });
    // The module is cached by the run above, so this hands back the very Outputs the program exported.
    const program = (await import(programPath)) as ProgramExports;
    return new StackRun(run, program);
}

/** The value of an Output, for async/await assertions. */
export function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply((value) => resolve(value)));
}
