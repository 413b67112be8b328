// The container's secrets as ECS takes them: each variable named with the ARN it is read from when a task starts,
// the SecureString parameters the stack keeps for values given as Pulumi secrets, and exactly what the execution
// role must be allowed to read them (ECS developer guide, "Required IAM permissions for Amazon ECS secrets":
// ssm:GetParameters for parameters, secretsmanager:GetSecretValue for secrets, kms:Decrypt for a customer managed key).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ContainerSecrets } from "../config/stackSettings";

export interface ServiceSecretsArgs {
    secrets: ContainerSecrets;
    /** The owned parameters live under /<projectName>/<environment>/. */
    projectName: pulumi.Input<string>;
    environment: pulumi.Input<string>;
}

/** One entry of the container definition's `secrets`. */
export interface ContainerSecret {
    name: string;
    valueFrom: string;
}

/** What the execution role may read. */
export interface SecretGrants {
    parameterArns: pulumi.Output<string[]>;
    secretArns: string[];
    kmsKeyArn: string | undefined;
}

export class ServiceSecrets extends pulumi.ComponentResource {
    /** Sorted by name; ARNs only, never a value. */
    public readonly containerSecrets: pulumi.Output<ContainerSecret[]>;
    public readonly grants: SecretGrants;

    constructor(name: string, args: ServiceSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:ServiceSecrets", name, {}, opts);
        const { references, owned, kmsKeyArn } = args.secrets;

        const ownedEntries = owned.map((secret) => {
            // A value the stack keeps as a Pulumi secret: encrypted in SSM (with the given key, else aws/ssm) and in
            // the Pulumi state; the Standard tier is free.
            const parameter = new aws.ssm.Parameter(
                `${name}-${secret.name}`,
                {
                    name: pulumi.interpolate`/${args.projectName}/${args.environment}/${secret.name}`,
                    description: pulumi.interpolate`${secret.name} of the ${args.projectName} service (${args.environment})`,
                    type: "SecureString",
                    tier: "Standard",
                    value: secret.value,
                    keyId: kmsKeyArn,
                },
                { parent: this },
            );
            return { name: secret.name, valueFrom: parameter.arn };
        });
        const entries = [
            ...references.map((reference) => ({ name: reference.name, valueFrom: pulumi.output(reference.valueFrom) })),
            ...ownedEntries,
        ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

        this.containerSecrets = pulumi.output(entries);
        this.grants = {
            parameterArns: pulumi.all([
                ...references
                    .filter((reference) => reference.store === "ssm")
                    .map((reference) => reference.resourceArn),
                ...ownedEntries.map((entry) => entry.valueFrom),
            ]),
            secretArns: references
                .filter((reference) => reference.store === "secretsmanager")
                .map((reference) => reference.resourceArn),
            kmsKeyArn,
        };
        this.registerOutputs({ containerSecrets: this.containerSecrets });
    }
}

/**
 * The execution role's statements for `grants`: read exactly these parameters and secrets; decrypt with the key only
 * when SSM or Secrets Manager asks on the role's behalf (kms:ViaService), in the regions the ARNs name.
 */
export function secretReadPolicy(grants: SecretGrants): pulumi.Output<string> {
    return grants.parameterArns.apply((parameterArns) => {
        const statements: Record<string, unknown>[] = [];
        if (parameterArns.length > 0) {
            statements.push({
                Sid: "ReadServiceParameters",
                Effect: "Allow",
                Action: "ssm:GetParameters",
                Resource: parameterArns,
            });
        }
        if (grants.secretArns.length > 0) {
            statements.push({
                Sid: "ReadServiceSecrets",
                Effect: "Allow",
                Action: "secretsmanager:GetSecretValue",
                Resource: grants.secretArns,
            });
        }
        if (grants.kmsKeyArn !== undefined) {
            const viaServices = [...parameterArns, ...grants.secretArns].map((arn) => {
                const [, , service, region] = arn.split(":");
                return `${service}.${region}.amazonaws.com`;
            });
            statements.push({
                Sid: "DecryptServiceSecrets",
                Effect: "Allow",
                Action: "kms:Decrypt",
                Resource: grants.kmsKeyArn,
                Condition: { StringEquals: { "kms:ViaService": [...new Set(viaServices)].sort() } },
            });
        }
        return JSON.stringify({ Version: "2012-10-17", Statement: statements });
    });
}
