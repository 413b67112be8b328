// A stack's configuration as the Pulumi CLI hands it to the program: Pulumi.yaml's project values and defaults,
// overlaid by Pulumi.<stack>.yaml, every key namespaced, every value a string.
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";

export interface StackConfig {
    project: string;
    stack: string;
    /** Full keys ("fargate-service:cpu", "aws:region") to string values. */
    config: Record<string, string>;
    /** Keys whose value is a secret; it cannot be decrypted offline, so the value is the placeholder "[secret]" (in an
     * object, each encrypted value is, and the whole key counts as a secret, as the Pulumi CLI counts it). */
    secretKeys: string[];
    /** The project's declared keys (full names) with their declared type, for callers that check stack files. */
    declaredTypes: Record<string, string>;
}

/** A problem with Pulumi.yaml or a stack file; the message names the file and the key. */
export class StackConfigError extends Error {}

type Yaml = Record<string, unknown>;

/** Reads Pulumi.yaml in `projectDir` and the stack's settings file. */
export function loadStackConfig(projectDir: string, stack: string): StackConfig {
    const projectFile = path.join(projectDir, "Pulumi.yaml");
    const project = readYaml(projectFile);
    const name = project.name;
    if (typeof name !== "string" || name === "") {
        throw new StackConfigError(`${projectFile}: \`name\` is missing; it names the project`);
    }
    const configDir =
        typeof project.stackConfigDir === "string" ? path.join(projectDir, project.stackConfigDir) : projectDir;
    const stackFile = path.join(configDir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(stackFile)) {
        throw new StackConfigError(
            `${stackFile} does not exist: no stack "${stack}" (known: ${knownStacks(configDir).join(", ") || "none"})`,
        );
    }

    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const declaredTypes: Record<string, string> = {};
    for (const [key, declaration] of Object.entries(asMap(project.config, projectFile, "config"))) {
        const fullKey = key.includes(":") ? key : `${name}:${key}`;
        if (isMap(declaration) && ("type" in declaration || "default" in declaration || "value" in declaration)) {
            if (typeof declaration.type === "string") {
                declaredTypes[fullKey] = declaration.type;
            }
            const value = "value" in declaration ? declaration.value : declaration.default;
            if (value !== undefined) {
                config[fullKey] = asConfigString(value);
            }
        } else {
            config[fullKey] = asConfigString(declaration);
        }
    }

    for (const [key, value] of Object.entries(asMap(readYaml(stackFile).config, stackFile, "config"))) {
        const fullKey = key.includes(":") ? key : `${name}:${key}`;
        if (isMap(value) && "secure" in value) {
            config[fullKey] = "[secret]";
            secretKeys.push(fullKey);
            continue;
        }
        if (holdsSecret(value)) {
            config[fullKey] = asConfigString(withPlaceholders(value));
            secretKeys.push(fullKey);
            continue;
        }
        const type = declaredTypes[fullKey];
        if (type !== undefined && !hasType(value, type)) {
            throw new StackConfigError(
                `${stackFile}: \`${fullKey}\` is ${JSON.stringify(value)}; Pulumi.yaml declares it ${type}`,
            );
        }
        config[fullKey] = asConfigString(value);
    }

    const missing = Object.keys(declaredTypes).filter((key) => config[key] === undefined);
    if (missing.length > 0) {
        throw new StackConfigError(
            `${stackFile}: no value for ${missing.map((key) => `\`${key}\``).join(", ")} (Pulumi.yaml gives no default)`,
        );
    }
    return { project: name, stack, config, secretKeys, declaredTypes };
}

function readYaml(file: string): Yaml {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        throw new StackConfigError(`${file} cannot be read: ${(error as Error).message}`);
    }
    try {
        const parsed = yaml.load(text) ?? {};
        return asMap(parsed, file, "the document");
    } catch (error) {
        if (error instanceof StackConfigError) {
            throw error;
        }
        throw new StackConfigError(`${file} is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
    }
}

/** An object or list with an encrypted value somewhere inside, as `pulumi config set --secret --path` writes it. */
function holdsSecret(value: unknown): boolean {
    if (isMap(value)) {
        return "secure" in value || Object.values(value).some(holdsSecret);
    }
    return Array.isArray(value) && value.some(holdsSecret);
}

function withPlaceholders(value: unknown): unknown {
    if (isMap(value)) {
        return "secure" in value
            ? "[secret]"
            : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withPlaceholders(item)]));
    }
    return Array.isArray(value) ? value.map(withPlaceholders) : value;
}

function isMap(value: unknown): value is Yaml {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

function asMap(value: unknown, file: string, what: string): Yaml {
    if (value === undefined || value === null) {
        return {};
    }
    if (!isMap(value)) {
        throw new StackConfigError(`${file}: ${what} must be a mapping of keys to values`);
    }
    return value;
}

/** Pulumi passes scalars as their text and structured values as JSON. */
function asConfigString(value: unknown): string {
    return typeof value === "string"
        ? value
        : typeof value === "object" && value !== null
          ? JSON.stringify(value)
          : String(value);
}

function hasType(value: unknown, type: string): boolean {
    switch (type) {
        case "integer":
            return Number.isInteger(value);
        case "boolean":
            return typeof value === "boolean";
        case "array":
            return Array.isArray(value);
        case "object":
            return isMap(value);
        default:
            return typeof value === "string";
    }
}

function knownStacks(configDir: string): string[] {
    return fs
        .readdirSync(configDir)
        .map((file) => /^Pulumi\.(.+)\.ya?ml$/.exec(file)?.[1])
        .filter((stack): stack is string => stack !== undefined)
        .sort();
}
