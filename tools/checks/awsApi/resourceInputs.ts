// A resource's inputs as the check reads them: auto-names filled in, the API member shape an input goes to, and the
// inputs no mapping covers.
import type { SnapshotResource } from "../../plan/model/snapshot";
import { ApiMapping, providerInputs } from "./apiMapping";
import { ServiceModel } from "./botocoreModels";

/** Stands for the seven random hex digits of Pulumi's auto-names. */
export const autoNameSuffix = "0a1b2c3";

/** The shape of a member path below an operation's input ("Matcher.HttpCode", "Changes[].ResourceRecordSet"). */
export function memberShape(model: ServiceModel, operation: string, member: string): string | undefined {
    const input = model.operations[operation]?.input?.shape;
    if (input === undefined || member === "[]") {
        return input;
    }
    let shape: string | undefined = input;
    for (const segment of member.split(".")) {
        const name = segment.replace(/\[\]$/, "");
        shape = shape === undefined ? undefined : model.shapes[shape].members?.[name]?.shape;
        if (shape !== undefined && segment.endsWith("[]")) {
            shape = model.shapes[shape].member?.shape;
        }
    }
    return shape;
}

/**
 * The inputs as the provider receives them: an auto-named input the program leaves unset gets Pulumi's name,
 * `<logical name>-<7 random hex digits>` (pulumi-aws setAutonaming, tfbridge.AutoName); a name prefix gets the
 * provider's 26 generated characters (terraform-plugin-sdk id.PrefixedUniqueId).
 */
export function withAutoName(
    resource: SnapshotResource,
    mapping: ApiMapping,
): { inputs: Record<string, unknown>; autoNamed?: string } {
    const key = mapping.autoNamed;
    if (key === undefined || resource.inputs[key] !== undefined) {
        return { inputs: resource.inputs };
    }
    const prefix = resource.inputs[`${key}Prefix`];
    const name = typeof prefix === "string" ? `${prefix}${"0".repeat(26)}` : `${resource.name}-${autoNameSuffix}`;
    return { inputs: { ...resource.inputs, [key]: name }, autoNamed: key };
}

/** The inputs' leaf paths that no mapping entry covers. */
export function uncovered(inputs: Record<string, unknown>, mapping: ApiMapping): string[] {
    const mapped = [...Object.keys(mapping.inputs), ...Object.keys(providerInputs), `${mapping.autoNamed}Prefix`];
    const covered = (path: string) => mapped.some((key) => path === key || path.startsWith(`${key}.`));
    return leafPaths(inputs, "").filter((path) => !covered(path));
}

function leafPaths(value: unknown, prefix: string): string[] {
    if (value === null || typeof value !== "object" || Array.isArray(value) || Object.keys(value).length === 0) {
        return prefix === "" ? [] : [prefix];
    }
    return Object.entries(value).flatMap(([key, item]) => leafPaths(item, prefix === "" ? key : `${prefix}.${key}`));
}
