// How a Pulumi resource reaches AWS: the API operations the provider calls for a resource type, and for each input
// the API member it sends the value as. The tables in mappings/ are read from the provider's source
// (hashicorp/terraform-provider-aws internal/service/<service>/, which pulumi-aws bridges), cited per type.

/** An input sent as an API member. */
export interface MemberTarget {
    /** An operation of the mapping's service: "CreateTargetGroup". */
    operation: string;
    /** The member inside the operation's input, dots between structure members: "Matcher.HttpCode". */
    member: string;
    /** The provider's expand function, where the API's form differs from Pulumi's (booleans to enums, ...). */
    toApi?: (value: unknown) => unknown;
}

/** An input the provider keeps to itself (a wait, a delete option) or sends in a form no model describes. */
export interface NotSent {
    notSent: string;
}

export type InputMapping = MemberTarget | MemberTarget[] | NotSent;

export interface ApiMapping {
    /** botocore's name of the service: "elbv2", "ecs", "application-autoscaling". */
    service: string;
    /** The provider source the table was read from. */
    source: string;
    /**
     * Pulumi input path (dots between nested inputs: "healthCheck.interval") to what the provider sends. A path
     * whose value is an object or a list is checked whole against the member's shape.
     */
    inputs: Readonly<Record<string, InputMapping>>;
    /** Pulumi key → API member name inside checked structures where they differ beyond letter case. */
    renames?: Readonly<Record<string, string>>;
    /** The input Pulumi auto-names (`<logical name>-<7 hex digits>`) when the program leaves it unset. */
    autoNamed?: string;
}

export function isNotSent(mapping: InputMapping): mapping is NotSent {
    return (mapping as NotSent).notSent !== undefined;
}

/** Pulumi's map of tags as the API's list of {Key, Value} (elbv2, ECR, IAM). */
export function tagList(value: unknown): { Key: string; Value: string }[] {
    return Object.entries(value as Record<string, string>).map(([Key, Value]) => ({ Key, Value }));
}

/** Pulumi's map of tags as ECS's list of {key, value}. */
export function lowerCaseTagList(value: unknown): { key: string; value: string }[] {
    return Object.entries(value as Record<string, string>).map(([key, item]) => ({ key, value: item }));
}

/** Pulumi's map of tags as EC2's TagSpecifications on create. */
export function tagSpecifications(resourceType: string): (value: unknown) => unknown {
    return (value) => [{ ResourceType: resourceType, Tags: tagList(value) }];
}

/** A boolean as EC2's AttributeBooleanValue structure. */
export function attributeBoolean(value: unknown): { Value: unknown } {
    return { Value: value };
}

/** Provider-only inputs every resource type of the AWS provider has. */
export const providerInputs: Readonly<Record<string, NotSent>> = {
    region: { notSent: "selects the provider's regional endpoint" },
    tagsAll: { notSent: "computed by the provider from tags and the default tags" },
};
