// Inputs as reviewers read them: JSON documents held in strings (container definitions, IAM policies) opened up,
// and nested values flattened to property paths such as `healthCheck.path` or `containerDefinitions[0].image`.

/** Parses every string that holds a JSON object or array, at any depth; other values are kept. */
export function expandJsonStrings(value: unknown): unknown {
    if (typeof value === "string") {
        const trimmed = value.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return expandJsonStrings(JSON.parse(trimmed));
            } catch {
                return value;
            }
        }
        return value;
    }
    if (Array.isArray(value)) {
        return value.map(expandJsonStrings);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expandJsonStrings(item)]));
    }
    return value;
}

/** Every leaf of `value` by its path; an empty object or list is a leaf of its own. */
export function flatten(value: unknown, path = ""): Map<string, unknown> {
    const leaves = new Map<string, unknown>();
    const visit = (item: unknown, at: string): void => {
        if (Array.isArray(item) && item.length > 0) {
            item.forEach((element, i) => visit(element, `${at}[${i}]`));
        } else if (item !== null && typeof item === "object" && !Array.isArray(item) && Object.keys(item).length > 0) {
            for (const [key, element] of Object.entries(item)) {
                visit(element, at === "" ? key : `${at}.${key}`);
            }
        } else {
            leaves.set(at, item);
        }
    };
    visit(value, path);
    return leaves;
}

/** The input a path starts in: `healthCheck.path` → `healthCheck`. */
export function topLevelProperty(path: string): string {
    return /^[^.[]+/.exec(path)?.[0] ?? path;
}

/** A value as one line of JSON, object keys sorted, so equal values always read the same. */
export function display(value: unknown): string {
    return value === undefined ? "(unset)" : JSON.stringify(sortKeys(value));
}

/** A copy with every object's keys in code-unit order (the same on every machine and locale). */
export function sortKeys(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(sortKeys);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(
            Object.keys(value)
                .sort(compareText)
                .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
        );
    }
    return value;
}

export function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
