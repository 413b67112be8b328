// One account holding both environments: the hardest case for keeping them apart (with one account per
// environment, the account boundary separates them as well).
import { boundaryArn } from "../../../bootstrap/githubRoles";
import { deployPolicy } from "../../../bootstrap/permissions/deployPolicy";
import { previewPolicy } from "../../../bootstrap/permissions/previewPolicy";
import type { Account } from "../../../bootstrap/permissions/scope";
import { workloadBoundary } from "../../../bootstrap/permissions/workloadBoundary";
import { type ProviderCalls, providerCalls } from "../../../bootstrap/providerCalls";
import type { PolicyDocument } from "../../../bootstrap/policyDocuments";

export const account: Account = {
    partition: "aws",
    accountId: "123456789012",
    region: "eu-west-1",
    workloadRolePath: "/fargate-service/",
    stateBucket: "acme-pulumi-state",
};

export const environments = ["dev", "prod"] as const;
export type Environment = (typeof environments)[number];
export const otherThan = (environment: Environment): Environment => (environment === "dev" ? "prod" : "dev");

export const deployPrincipal = (environment: string) =>
    `arn:aws:sts::${account.accountId}:assumed-role/github-deploy-${environment}-1a2b3c4/deploy-${environment}-42`;
export const previewPrincipal = `arn:aws:sts::${account.accountId}:assumed-role/github-preview-1a2b3c4/preview-dev-42`;

/** The deploy role's permissions as the bootstrap builds them; `table` adds the pending rows, or breaks a row. */
export function deployPermissions(environment: string, table?: readonly ProviderCalls[]): PolicyDocument {
    return deployPolicy({ account, environment, boundaryArn: boundaryArn(account, environment), table });
}

export const previewPermissions = (table?: readonly ProviderCalls[]) => previewPolicy(account, environments, table);
export const boundaryOf = (environment: string) => workloadBoundary(account, environment);

/** Every row, pending ones included: what the roles will grant once each type is declared. */
export const everyRow = providerCalls;
