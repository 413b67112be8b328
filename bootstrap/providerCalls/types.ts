// The shape of the table of AWS API calls the providers make for each resource type and data source the stacks
// declare. The deploy and preview roles' permissions are derived from it (bootstrap/permissions/), and the IAM
// simulation (tests/bootstrap/iam/) replays every call against the derived policies.

/** When the provider makes the call: a resource's create, read, update or delete, or a data source's read. */
export type Operation = "create" | "read" | "update" | "delete" | "invoke";

/** An IAM resource type, as the Service Authorization Reference (and iam-data) names it: "service:resource-type". */
export type ResourceRef = string;

/**
 * What a call acts on, and how that resource relates to the stack:
 * - `new`: the resource the call creates; the request carries the stack's default tags.
 * - `own`: a resource the stack created earlier (it carries the stack's tags).
 * - `adopted`: a resource AWS created untagged that the stack takes over by tagging it (a new VPC's default
 *   security group).
 * - `shared`: a resource the stack uses but does not own (the account's default VPC, a hosted zone, the account's
 *   service-linked roles): it cannot be told apart per environment.
 */
export interface Target {
    readonly ref: ResourceRef;
    readonly state: "new" | "own" | "adopted" | "shared";
}

export interface ApiCall {
    /** The IAM action the call needs, e.g. "ecr:CreateRepository". */
    readonly action: string;
    readonly during: readonly Operation[];
    /** "read" for Read/List access, "tag" for Tagging, "change" for every other write (checked against iam-data). */
    readonly access: "read" | "tag" | "change";
    /** The resources it acts on; none for actions that AWS authorizes only on "*". */
    readonly on: readonly Target[];
    /** The request carries the stack's tags (tag-on-create, or a tag update). */
    readonly sendsTags: boolean;
    /** Request context the provider sends and the grant insists on, e.g. iam:PassedToService. */
    readonly requires: Readonly<Record<string, string>>;
}

export interface ProviderCalls {
    /** A resource type token ("aws:ecr/repository:Repository"), data source token, or provider ("pulumi:providers:aws"). */
    readonly type: string;
    /** The provider source (and documentation) the calls were read from. */
    readonly source: string;
    readonly calls: readonly ApiCall[];
    /** Set while no plan declares the type yet: who adds it. Such a row grants nothing until the mark is removed. */
    readonly pending?: string;
    /** For a declared type the reviewed plans do not show: the configuration that reaches it. */
    readonly reachedBy?: string;
    /** For a component: the types and data sources its provider declares and reads, each with its own row. */
    readonly children?: readonly string[];
    /** For a data source the provider answers without calling AWS: where the answer comes from. */
    readonly noApiCall?: string;
}

const operations = (during: string): Operation[] => during.split(" ") as Operation[];

/** Untag, RemoveTags and DeleteTags name tag keys only: no tag values travel with them. */
const addsTags = (action: string) => !/:(Untag|RemoveTags|DeleteTags)/.test(action);

function apiCall(access: ApiCall["access"], action: string, during: string, on: Target[]): ApiCall {
    return {
        action,
        during: operations(during),
        access,
        on,
        sendsTags: access === "tag" && addsTags(action),
        requires: {},
    };
}

/** A Read or List call on `on` (or on "*" when `on` is empty). */
export const reads = (action: string, during: string, ...on: Target[]): ApiCall => apiCall("read", action, during, on);

/** A write that changes `on`. */
export const changes = (action: string, during: string, ...on: Target[]): ApiCall =>
    apiCall("change", action, during, on);

/** A tagging call: the tags travel in the request (but for untagging). */
export const tags = (action: string, during: string, ...on: Target[]): ApiCall => apiCall("tag", action, during, on);

/** The call also carries the stack's tags (a create with tags in its request). */
export const withTags = (call: ApiCall): ApiCall => ({ ...call, sendsTags: true });

/** The call sends `context`, which the grant requires ("$boundary" stands for the environment's boundary ARN). */
export const requiring = (call: ApiCall, context: Record<string, string>): ApiCall => ({
    ...call,
    requires: { ...call.requires, ...context },
});

export const created = (ref: ResourceRef): Target => ({ ref, state: "new" });
export const owned = (ref: ResourceRef): Target => ({ ref, state: "own" });
export const adopted = (ref: ResourceRef): Target => ({ ref, state: "adopted" });
export const shared = (ref: ResourceRef): Target => ({ ref, state: "shared" });

/** The transparent tagging of terraform-provider-aws (internal/provider/sdkv2/tags_interceptor.go): after every
 * create, read and update it lists the tags unless the read set them, and on a tag change it tags and untags. */
export function transparentTagging(ref: ResourceRef, list: string, tag: string, untag: string): ApiCall[] {
    return [
        reads(list, "create read update", owned(ref)),
        tags(tag, "update", owned(ref)),
        tags(untag, "update", owned(ref)),
    ];
}
