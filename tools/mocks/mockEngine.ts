// Runs the Pulumi program without the Pulumi engine or a cloud: Pulumi's mocks answer every provider call from
// models of AWS and Docker, and every resource, invoke and stack output is recorded. The infra unit tests and the
// offline plan share this one engine.
import * as pulumi from "@pulumi/pulumi";
import {
    awsComponentModels,
    awsInvokeModels,
    awsResourceModels,
    ComponentModel,
    Inputs,
    InvokeModel,
    ModelContext,
    ResourceModel,
    sha256,
} from "./awsModels";
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
    /** Multi-language components (their outputs) by type token. */
    componentModels?: Readonly<Record<string, ComponentModel>>;
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

/**
 * Pulumi's runtime keeps its mocks and configuration in process-wide state, so one engine answers for the whole
 * process: a test file makes one and then builds as many component instances as it likes (each name once), or runs
 * one program. Everything the engine records or has seen fail is its own.
 */
export class MockEngine {
    private readonly resources = new Map<string, RecordedResource>();
    private readonly invokes: RecordedInvoke[] = [];
    /** Errors seen so far, kept so that late rejections of the same errors are not reported twice. */
    private readonly failures: Error[] = [];
    /** Set once a program run has ended: a rejection that comes later is a new error, thrown as Node would. */
    private programEnded = false;

    constructor(private readonly options: EngineOptions) {
        const config = options.config ?? {};
        const context = contextFactory(options, config);
        const resourceModels = options.resourceModels ?? awsResourceModels;
        const invokeModels = options.invokeModels ?? awsInvokeModels;
        const componentModels = options.componentModels ?? awsComponentModels;
        const ownComponentPrefix = `${options.project}:`;
        const fail = (error: Error): Error => this.fail(error);

        void pulumi.runtime.setMocks(
            {
                newResource(args) {
                    if (!args.custom) {
                        if (args.type === "pulumi:pulumi:Stack" || args.type.startsWith(ownComponentPrefix)) {
                            return { id: undefined, state: {} };
                        }
                        const component = componentModels[args.type];
                        if (component === undefined) {
                            throw fail(
                                new UnexpectedProviderCall(
                                    `unexpected component ${args.type} ("${args.name}"): a multi-language component runs in its ` +
                                        "provider, which the mock engine does not model (add one to tools/mocks/awsModels.ts " +
                                        "if the program should declare it)",
                                ),
                            );
                        }
                        const inputs = args.inputs as Inputs;
                        return {
                            id: undefined,
                            state: component(args.name, inputs, context(`${args.type}::${args.name}`)),
                        };
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
                    const inputs = args.inputs as Inputs;
                    const { id, ...computed } = model(args.name, inputs, context(`${args.type}::${args.name}`));
                    return {
                        id,
                        state: { ...inputs, ...computed, ...awsCommonOutputs(args.type, inputs, context("")) },
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
                    const inputs = args.inputs as Inputs;
                    return model(inputs, context(`${args.token}::${JSON.stringify(inputs)}`));
                },
            },
            options.project,
            options.stack,
            false,
        );
        pulumi.runtime.setAllConfig({ ...config }, [...(options.secretKeys ?? [])]);
        recordCalls(
            pulumi.runtime.getMonitor() as unknown as Monitor,
            this.resources,
            this.invokes,
            options.onResource,
            fail,
        );
        process.on("unhandledRejection", (reason) => this.onUnhandledRejection(reason));
    }

    /**
     * Every resource recorded so far, once each registration started before this call has been answered (Pulumi
     * registers a resource only after its inputs resolve, so `new` returns before its record exists). Throws the
     * first failure of those registrations, an UnexpectedProviderCall before any other.
     */
    async settled(): Promise<RecordedResource[]> {
        await waitForRegistrations();
        this.throwFirstFailure();
        return [...this.resources.values()];
    }

    /** The recorded resources below `component` in the tree of parents (not the component itself). */
    async descendantsOf(component: pulumi.Resource): Promise<RecordedResource[]> {
        const urn = await new Promise<string>((resolve) => component.urn.apply(resolve));
        const all = await this.settled();
        const below = new Set([urn]);
        const descendants: RecordedResource[] = [];
        for (let grew = true; grew;) {
            grew = false;
            for (const resource of all) {
                if (resource.parent !== undefined && below.has(resource.parent) && !below.has(resource.urn)) {
                    below.add(resource.urn);
                    descendants.push(resource);
                    grew = true;
                }
            }
        }
        return descendants;
    }

    /** Every provider call recorded so far. */
    get calls(): readonly RecordedInvoke[] {
        return this.invokes;
    }

    /**
     * Runs the program at `programPath` (a module whose exports are the stack outputs) inside a stack and returns
     * what it declared. Node caches the module, so a program runs once per process. Throws the program's own error
     * (e.g. a configuration error), or an UnexpectedProviderCall naming the token no model covers.
     */
    async runProgram(programPath: string): Promise<ProgramRun> {
        if (require.cache[require.resolve(programPath)] !== undefined) {
            throw new Error(
                `${programPath} has run in this process already: Node caches the module, so a second run declares nothing`,
            );
        }
        // A resource whose input failed is never registered, and whatever waits for it never resolves: the stack
        // never completes and Node's event loop runs dry, where the Pulumi CLI's program would exit with the error it
        // logged. The run then ends with that error. (Under node:test the runner's own beforeExit handler cancels the
        // test first: run such a program in a process of its own.)
        let onDrained = (): void => undefined;
        const drained = new Promise<void>((resolve) => {
            onDrained = () => {
                if (this.failures.length === 0) {
                    this.failures.push(new Error("the program ended with resources that were never registered"));
                }
                resolve();
            };
            process.once("beforeExit", onDrained);
        });
        try {
            // A program that throws (say, on bad configuration) is caught inside the stack, so that Pulumi's stack
            // resource completes instead of leaving rejected promises behind; the error is thrown below.
            const run = pulumi.runtime
                .runInPulumiStack(async () => {
                    try {
                        return { ...((await import(programPath)) as Record<string, unknown>) };
                    } catch (error) {
                        this.fail(asError(error));
                        return {};
                    }
                })
                .then(() => pulumi.runtime.disconnect());
            await Promise.race([run, drained]);
        } catch (error) {
            this.fail(asError(error));
        } finally {
            process.removeListener("beforeExit", onDrained);
        }
        this.programEnded = true;
        this.throwFirstFailure();
        const all = [...this.resources.values()];
        const stackResource = all.find((resource) => resource.type === "pulumi:pulumi:Stack");
        return {
            project: this.options.project,
            stack: this.options.stack,
            resources: all,
            invokes: [...this.invokes],
            outputs: stackResource?.outputs ?? {},
        };
    }

    private fail(error: Error): Error {
        this.failures.push(error);
        return error;
    }

    private throwFirstFailure(): void {
        const failure = this.failures.find((error) => error instanceof UnexpectedProviderCall) ?? this.failures[0];
        if (failure !== undefined) {
            throw failure;
        }
    }

    /**
     * Pulumi leaves a failed registration's promises rejected with no handler. A rejection that repeats a recorded
     * error is dropped; any other is recorded, to be thrown by `settled` or `runProgram`, or after a program run has
     * ended, rethrown as Node would.
     */
    private onUnhandledRejection(reason: unknown): void {
        const error = asError(reason);
        if (this.failures.some((known) => error === known || error.message.includes(known.message))) {
            return;
        }
        if (this.programEnded) {
            throw error;
        }
        this.failures.push(error);
    }
}

/** Runs the program at `programPath` under a new engine; see MockEngine.runProgram. */
export function runProgram(programPath: string, options: EngineOptions): Promise<ProgramRun> {
    return new MockEngine(options).runProgram(programPath);
}

function asError(reason: unknown): Error {
    return reason instanceof Error ? reason : new Error(String(reason));
}

/**
 * Pulumi counts every registration from the moment it is declared until the monitor answers; its own
 * `disconnect` waits on that count through `waitForRPCs`, which the SDK exports but leaves out of its typings.
 */
function waitForRegistrations(): Promise<void> {
    const runtime = pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> };
    if (runtime.waitForRPCs === undefined) {
        throw new Error(
            "@pulumi/pulumi no longer exports runtime.waitForRPCs; MockEngine.settled needs another way to wait",
        );
    }
    return runtime.waitForRPCs();
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
