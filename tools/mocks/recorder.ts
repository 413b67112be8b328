// Records what a program declares by wrapping Pulumi's mock monitor: each resource registration (with its parent,
// inputs, outputs and options), each component's registered outputs and each provider call, secrets redacted.
import * as pulumi from "@pulumi/pulumi";
import type {
    RegisterResourceOutputsRequest,
    RegisterResourceRequest,
    RegisterResourceResponse,
    ResourceInvokeRequest,
} from "@pulumi/pulumi/proto/resource_pb";

export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    /** The parent's URN; undefined only for the stack itself. */
    parent: string | undefined;
    /** false for component resources, which group others and call no provider (or, if remote, run in their own). */
    custom: boolean;
    id: string | undefined;
    /** Inputs as the program passed them, secrets replaced by "[secret]". */
    inputs: Record<string, unknown>;
    /**
     * Outputs the models returned (local components: what they registered; multi-language ones: what their model
     * answered), secrets replaced by "[secret]".
     */
    outputs: Record<string, unknown>;
    /** URNs of the resources this one waits for (explicit dependsOn and inputs taken from them). */
    dependencies: string[];
    /** For each input, the URNs of the resources its value comes from (what the engine gives stack policies). */
    propertyDependencies: Record<string, string[]>;
    protect: boolean;
    ignoreChanges: string[];
    /** Left in the cloud when the program drops it (Pulumi forgets it instead of deleting it). */
    retainOnDelete: boolean;
    /** How long the engine would let the provider create, update or delete it ("" for the provider's default). */
    customTimeouts: { create: string; update: string; delete: string };
}

export interface RecordedInvoke {
    token: string;
    args: Record<string, unknown>;
}

export const secretPlaceholder = "[secret]";

type Callback<T> = (error: Error | null, response?: T) => void;
export interface Monitor {
    registerResource(request: RegisterResourceRequest, callback: Callback<RegisterResourceResponse>): unknown;
    registerResourceOutputs(request: RegisterResourceOutputsRequest, callback: Callback<unknown>): unknown;
    invoke(request: ResourceInvokeRequest, callback: Callback<unknown>): unknown;
}

/** Wraps the mock monitor so that each registration, component output and invoke is also recorded. */
export function recordCalls(
    monitor: Monitor,
    resources: Map<string, RecordedResource>,
    invokes: RecordedInvoke[],
    onResource: ((resource: RecordedResource) => void) | undefined,
    onFailure: (error: Error) => void,
): void {
    const registerResource = monitor.registerResource.bind(monitor);
    monitor.registerResource = (request, callback) =>
        registerResource(request, (error, response) => {
            if (error !== null || response === undefined) {
                onFailure(error ?? new Error(`registering ${request.getType()} "${request.getName()}" failed`));
            } else {
                const resource: RecordedResource = {
                    urn: response.getUrn(),
                    type: request.getType(),
                    name: request.getName(),
                    parent: request.getParent() === "" ? undefined : request.getParent(),
                    custom: request.getCustom(),
                    id: response.getId() === "" ? undefined : response.getId(),
                    inputs: plain(request.getObject()),
                    outputs: request.getCustom() || request.getRemote() ? plain(response.getObject()) : {},
                    dependencies: request.getDependenciesList(),
                    propertyDependencies: propertyDependencies(request),
                    protect: request.getProtect() === true,
                    ignoreChanges: request.getIgnorechangesList(),
                    retainOnDelete: request.getRetainondelete() === true,
                    customTimeouts: {
                        create: request.getCustomtimeouts()?.getCreate() ?? "",
                        update: request.getCustomtimeouts()?.getUpdate() ?? "",
                        delete: request.getCustomtimeouts()?.getDelete() ?? "",
                    },
                };
                resources.set(resource.urn, resource);
                onResource?.(resource);
            }
            callback(error, response);
        });

    const registerResourceOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (request, callback) => {
        const resource = resources.get(request.getUrn());
        if (resource !== undefined) {
            resource.outputs = plain(request.getOutputs());
        }
        return registerResourceOutputs(request, callback);
    };

    const invoke = monitor.invoke.bind(monitor);
    monitor.invoke = (request, callback) => {
        invokes.push({ token: request.getTok(), args: plain(request.getArgs()) });
        return invoke(request, callback);
    };
}

function propertyDependencies(request: RegisterResourceRequest): Record<string, string[]> {
    const byInput: Record<string, string[]> = {};
    request.getPropertydependenciesMap().forEach((dependencies, input) => {
        byInput[input] = dependencies.getUrnsList();
    });
    return byInput;
}

type Struct = Parameters<typeof pulumi.runtime.deserializeProperties>[0];

/** A protobuf struct as plain JSON values, secrets replaced by the placeholder. */
function plain(struct: Struct | undefined): Record<string, unknown> {
    return struct === undefined
        ? {}
        : (redactSecrets(pulumi.runtime.deserializeProperties(struct)) as Record<string, unknown>);
}

function redactSecrets(value: unknown): unknown {
    if (pulumi.runtime.isRpcSecret(value)) {
        return secretPlaceholder;
    }
    if (Array.isArray(value)) {
        return value.map(redactSecrets);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactSecrets(item)]));
    }
    return value;
}
