// Runs the Pulumi program without the Pulumi engine or a cloud: Pulumi's mocks answer every provider call from
// models of AWS and Docker, and every resource, invoke and stack output is recorded. The infra unit tests and the
// offline plan share this one engine.
import * as pulumi from "@pulumi/pulumi";
import { awsInvokeModels, awsResourceModels, InvokeModel, ModelContext, ResourceModel, sha256 } from "./awsModels";
import { Monitor, RecordedInvoke, RecordedResource, recordCalls } from "./recorder";

export type { RecordedInvoke, RecordedResource } from "./recorder";
export { secretPlaceholder } from "./recorder";

export interface EngineOptions {
    project: string;
    stack: string;
    /** Full keys ("fargate-service:cpu", "aws:region") to string values, as the Pulumi CLI passes them. */
    config?: Readonly<Record<string, string>>;
    /** Keys of `config` that hold secrets. */
    secretKeys?: readonly string[];
    /** Defaults to 123456789012, the account ID AWS documentation uses. */
    accountId?: string;
    resourceModels?: Readonly<Record<string, ResourceModel>>;
    invokeModels?: Readonly<Record<string, InvokeModel>>;
    /** Sees each resource as it is recorded, also when the run fails later (to show progress, or what was declared). */
    onResource?: (resource: RecordedResource) => void;
}

export interface ProgramRun {
    project: string;
    stack: string;
    resources: RecordedResource[];
    invokes: RecordedInvoke[];
    /** The stack outputs (the program's exports), secrets replaced by "[secret]". */
    outputs: Record<string, unknown>;
}

/** The program asked a provider for something no model covers: a new resource type or data source. */
export class UnexpectedProviderCall extends Error {
    /** Pulumi's invoke path reports a provider error by its gRPC `details`, so the message goes there too. */
    readonly details: string;

    constructor(message: string) {
        super(message);
        this.details = message;
    }
}

let programAlreadyRun = false;
/** Errors of the run, kept after it so that late rejections of the same errors are not reported twice. */
const failures: Error[] = [];
let running = false;

/**
 * Pulumi leaves a failed registration's promises rejected with no handler. During the run such a rejection is
 * recorded; afterwards one that repeats a recorded error is dropped, and any other is rethrown as Node would.
 */
function onUnhandledRejection(reason: unknown): void {
    const error = asError(reason);
    if (running) {
        failures.push(error);
    } else if (!failures.some((known) => error === known || error.message.includes(known.message))) {
        throw error;
    }
}

function asError(reason: unknown): Error {
    return reason instanceof Error ? reason : new Error(String(reason));
}

/** Records the failure and returns it, for `throw fail(...)`. */
function fail(error: Error): Error {
    failures.push(error);
    return error;
}

/**
 * Runs the program at `programPath` (a module whose exports are the stack outputs) under mocks and returns what it
 * declared. Pulumi's runtime holds one stack per process, so this runs once per process. Throws the program's own
 * error (e.g. a configuration error), or an UnexpectedProviderCall naming the token no model covers.
 */
export async function runProgram(programPath: string, options: EngineOptions): Promise<ProgramRun> {
    if (programAlreadyRun) {
        throw new Error("runProgram runs one program per process: Pulumi's runtime state is global");
    }
    programAlreadyRun = true;
    const config = options.config ?? {};
    const context = contextFactory(options, config);
    const resourceModels = options.resourceModels ?? awsResourceModels;
    const invokeModels = options.invokeModels ?? awsInvokeModels;
    const ownComponentPrefix = `${options.project}:`;

    await pulumi.runtime.setMocks(
        {
            newResource(args) {
                if (!args.custom) {
                    if (args.type !== "pulumi:pulumi:Stack" && !args.type.startsWith(ownComponentPrefix)) {
                        throw fail(
                            new UnexpectedProviderCall(
                                `unexpected component ${args.type} ("${args.name}"): a multi-language component runs in its ` +
                                    "provider, which the mock engine does not model; build it from plain resources",
                            ),
                        );
                    }
                    return { id: undefined, state: {} };
                }
                const model = resourceModels[args.type];
                if (model === undefined) {
                    throw fail(
                        new UnexpectedProviderCall(
                            `unexpected resource type ${args.type} ("${args.name}"): the mock engine has no model for it ` +
                                "(add one to tools/mocks/awsModels.ts if the program should create it)",
                        ),
                    );
                }
                const { id, ...computed } = model(args.name, args.inputs, context(`${args.type}::${args.name}`));
                return {
                    id,
                    state: { ...args.inputs, ...computed, ...awsCommonOutputs(args.type, args.inputs, context("")) },
                };
            },
            call(args) {
                const model = invokeModels[args.token];
                if (model === undefined) {
                    throw fail(
                        new UnexpectedProviderCall(
                            `unexpected provider call ${args.token}: the mock engine has no model for it ` +
                                "(add one to tools/mocks/awsModels.ts if the program should make this call)",
                        ),
                    );
                }
                return model(args.inputs, context(`${args.token}::${JSON.stringify(args.inputs)}`));
            },
        },
        options.project,
        options.stack,
        false,
    );
    pulumi.runtime.setAllConfig({ ...config }, [...(options.secretKeys ?? [])]);

    const resources = new Map<string, RecordedResource>();
    const invokes: RecordedInvoke[] = [];
    recordCalls(pulumi.runtime.getMonitor() as unknown as Monitor, resources, invokes, options.onResource, fail);

    process.on("unhandledRejection", onUnhandledRejection);
    running = true;
    try {
        // A program that throws (say, on bad configuration) is caught inside the stack, so that Pulumi's stack
        // resource completes instead of leaving rejected promises behind; the error is thrown below.
        await pulumi.runtime.runInPulumiStack(async () => {
            try {
                return { ...(await import(programPath)) };
            } catch (error) {
                fail(asError(error));
                return {};
            }
        });
        await pulumi.runtime.disconnect();
    } catch (error) {
        fail(asError(error));
    } finally {
        running = false;
    }
    const failure = failures.find((error) => error instanceof UnexpectedProviderCall) ?? failures[0];
    if (failure !== undefined) {
        throw failure;
    }
    const all = [...resources.values()];
    const stackResource = all.find((resource) => resource.type === "pulumi:pulumi:Stack");
    return {
        project: options.project,
        stack: options.stack,
        resources: all,
        invokes,
        outputs: stackResource?.outputs ?? {},
    };
}

/** Outputs the AWS provider gives every resource: its region and its tags merged with the default tags. */
function awsCommonOutputs(
    type: string,
    inputs: Record<string, unknown>,
    context: ModelContext,
): Record<string, unknown> {
    if (!type.startsWith("aws:")) {
        return {};
    }
    const tags = (inputs.tags ?? {}) as Record<string, string>;
    return { region: inputs.region ?? context.region, tagsAll: { ...context.defaultTags, ...tags } };
}

/** Builds each model's context: the account and region, and a digit stream seeded per stack and resource. */
function contextFactory(
    options: EngineOptions,
    config: Readonly<Record<string, string>>,
): (seed: string) => ModelContext {
    const region = config["aws:region"] ?? "us-east-1";
    const defaultTags = parseDefaultTags(config["aws:defaultTags"]);
    const accountId = options.accountId ?? "123456789012";
    return (seed) => {
        let drawn = 0;
        return {
            accountId,
            region,
            defaultTags,
            hex(length) {
                let digits = "";
                while (digits.length < length) {
                    digits += sha256(`${options.stack}::${seed}::${drawn++}`);
                }
                return digits.slice(0, length);
            },
        };
    };
}

function parseDefaultTags(json: string | undefined): Record<string, string> {
    if (json === undefined) {
        return {};
    }
    const parsed = JSON.parse(json) as { tags?: Record<string, string> };
    return parsed.tags ?? {};
}
