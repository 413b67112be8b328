// The container's secrets: environment variables whose values ECS reads when a task starts, from SSM Parameter Store
// or Secrets Manager (never from the task definition), and the values the stack keeps as Pulumi secrets itself.
import * as pulumi from "@pulumi/pulumi";
import { listOf } from "./limits";
import { SettingsReader } from "./settingsReader";

/** A parameter or secret that exists already, as the container definition names it in `valueFrom`. */
export interface SecretReference {
    /** The environment variable the container sees. */
    name: string;
    /** The full ARN ECS reads, for Secrets Manager possibly with :json-key:version-stage:version-id. */
    valueFrom: string;
    store: "ssm" | "secretsmanager";
    /** What IAM grants the read on: the parameter's ARN, or the secret's own ARN without the suffix. */
    resourceArn: string;
}

/** A value kept as a Pulumi secret, which the stack stores in an SSM SecureString parameter of its own. */
export interface OwnedSecret {
    name: string;
    /** A secret Output: Pulumi encrypts it in the state and shows it as [secret]. */
    value: pulumi.Output<string>;
}

/** Every secret the container receives, sorted by name; empty lists when it receives none. */
export interface ContainerSecrets {
    references: SecretReference[];
    owned: OwnedSecret[];
    /** The customer managed KMS key that encrypts them, which the execution role may decrypt with; undefined for the
     * AWS managed keys (aws/ssm, aws/secretsmanager), which need no grant. */
    kmsKeyArn: string | undefined;
}

const arnPrefix = String.raw`^arn:aws[a-z-]*:(ssm|secretsmanager):([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):`;
export const secretPatterns = {
    /** The variable names a shell and ECS accept. */
    variableName: /^[A-Za-z_][A-Za-z0-9_]{0,254}$/,
    /** SSM's parameter name characters (a-zA-Z0-9_.- and / for hierarchies), after `parameter/`. */
    parameterArn: new RegExp(`${arnPrefix}parameter/[A-Za-z0-9_.\\-/]{1,2048}$`),
    /** A secret's full ARN ends in the 6 characters Secrets Manager appends to its name; ECS accepts
     * :json-key:version-stage:version-id after it (ECS developer guide, "Specifying sensitive data using Secrets
     * Manager"). */
    secretArn: new RegExp(`${arnPrefix}secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}(?::[^:]*:[^:]*:[^:]*)?$`),
    kmsKeyArn:
        /^arn:aws[a-z-]*:kms:[a-z]{2}(-[a-z]+)+-\d:\d{12}:key\/(mrk-[0-9a-f]{32}|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})$/,
} as const;

/** The largest value a Standard-tier parameter holds (SSM user guide, "Managing parameter tiers": 4 KB; no charge). */
const standardParameterMaxBytes = 4096;

/** Variables the service or the platform sets: APP_* are the service's own settings (the stack passes them), ECS_*
 * and AWS_* come from ECS and the AWS SDKs' conventions. */
export const reservedPrefixes = ["APP_", "ECS_", "AWS_"] as const;

const referenceForm =
    "the full ARN of an SSM parameter (arn:aws:ssm:<region>:<account>:parameter/<name>) or of a Secrets Manager " +
    "secret (arn:aws:secretsmanager:<region>:<account>:secret:<name>-AbCdEf, optionally followed by " +
    ":<json-key>:<version-stage>:<version-id>)";

/** `secrets`: variable name to the ARN of a parameter or secret; every entry checked. */
export function readSecretReferences(r: SettingsReader, key: string): Record<string, string> {
    const entries = r.mapping(key, {});
    for (const [name, arn] of Object.entries(entries)) {
        const entryKey = `${key}.${name}`;
        checkVariableName(r, key, name);
        if (/^arn:aws[a-z-]*:secretsmanager:/.test(arn) && !secretPatterns.secretArn.test(arn)) {
            r.problem(
                entryKey,
                arn,
                "allowed: a secret's full ARN, which ends in the 6 characters Secrets Manager adds to the name " +
                    "(…:secret:<name>-AbCdEf; aws secretsmanager describe-secret --secret-id <name> prints it), " +
                    "optionally followed by :<json-key>:<version-stage>:<version-id>",
            );
        } else if (!secretPatterns.parameterArn.test(arn) && !secretPatterns.secretArn.test(arn)) {
            r.problem(entryKey, arn, `allowed: ${referenceForm}`);
        }
    }
    return entries;
}

/** `secretValues`: variable name to a value the stack stores itself; it must be a Pulumi secret, never plain text in
 * a stack file (git would keep it). Values never reach a message. */
export function readOwnedSecrets(
    r: SettingsReader,
    key: string,
    isSecret: (key: string) => boolean,
): Record<string, pulumi.Output<string>> {
    const entries = r.mapping(key, {}, true);
    if (Object.keys(entries).length > 0 && !isSecret(key)) {
        r.report(
            key,
            `${r.label(key)} holds plain text; allowed: values set as Pulumi secrets, e.g. ` +
                `pulumi config set --secret --path '${key}.API_TOKEN' (a plain value would be kept in git)`,
        );
    }
    for (const [name, value] of Object.entries(entries)) {
        checkVariableName(r, key, name);
        if (value === "" || Buffer.byteLength(value) > standardParameterMaxBytes) {
            r.report(
                `${key}.${name}`,
                `${r.label(`${key}.${name}`)} is ${value === "" ? "empty" : `${Buffer.byteLength(value)} bytes long`}; ` +
                    `allowed: 1 to ${standardParameterMaxBytes} bytes, what a Standard SSM parameter holds`,
            );
        }
    }
    return Object.fromEntries(Object.entries(entries).map(([name, value]) => [name, pulumi.secret(value)]));
}

/** A name may come from one source only. */
export function checkDistinctNames(
    r: SettingsReader,
    references: Readonly<Record<string, unknown>>,
    owned: Readonly<Record<string, unknown>>,
    ownedKey: string,
): void {
    for (const name of Object.keys(owned).filter((candidate) => candidate in references)) {
        r.report(
            `${ownedKey}.${name}`,
            `${r.label(`${ownedKey}.${name}`)} names ${name}, which \`secrets\` sets too; allowed: each variable from one source`,
        );
    }
}

/** The decision the program is built from: what the container reads, sorted by name as ECS returns it. */
export function containerSecrets(
    references: Readonly<Record<string, string>>,
    owned: Readonly<Record<string, pulumi.Output<string>>>,
    kmsKeyArn: string,
): ContainerSecrets {
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    return {
        references: Object.entries(references)
            .map(([name, valueFrom]) => reference(name, valueFrom))
            .sort(byName),
        owned: Object.entries(owned)
            .map(([name, value]) => ({ name, value }))
            .sort(byName),
        kmsKeyArn: kmsKeyArn === "" ? undefined : kmsKeyArn,
    };
}

function reference(name: string, valueFrom: string): SecretReference {
    if (secretPatterns.parameterArn.test(valueFrom)) {
        return { name, valueFrom, store: "ssm", resourceArn: valueFrom };
    }
    // IAM matches the secret's ARN; a json-key or version suffix only tells ECS which part to read.
    const secretArn = /^(.*:secret:[^:]+)/.exec(valueFrom)?.[1] ?? valueFrom;
    return { name, valueFrom, store: "secretsmanager", resourceArn: secretArn };
}

function checkVariableName(r: SettingsReader, key: string, name: string): void {
    const entryKey = `${key}.${name}`;
    const reserved = reservedPrefixes.find((prefix) => name.toUpperCase().startsWith(prefix));
    if (!secretPatterns.variableName.test(name)) {
        r.report(
            entryKey,
            `${r.label(key)} names the variable ${JSON.stringify(name)}; allowed: letters, digits and _, not starting ` +
                "with a digit",
        );
    } else if (reserved !== undefined) {
        r.report(
            entryKey,
            `${r.label(key)} names the variable ${name}; allowed: names that do not start with ` +
                `${listOf(reservedPrefixes.map((prefix) => `${prefix}`))} (the service's own settings and ECS's)`,
        );
    }
}
