// GitHub's OIDC identity provider and the roles this repository's workflows
// assume with its tokens: one deploy role per GitHub environment and one
// read-only role for pull-request previews.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { type Account, GITHUB_TOKEN_HOST, STS_AUDIENCE, githubTrust, workloadBoundary } from "./policyDocuments";
import { deployPermissions, previewPermissions } from "./rolePermissions";
import type { BootstrapSettings } from "./settings";

export interface GitHubRolesArgs {
    readonly settings: BootstrapSettings;
    readonly account: pulumi.Input<Account>;
}

// The workflows' credentials live for one deploy at most.
const SESSION_SECONDS = 3600;

export class GitHubRoles extends pulumi.ComponentResource {
    public readonly oidcProviderArn: pulumi.Output<string>;
    public readonly workloadBoundaryArn: pulumi.Output<string>;
    public readonly deployRoleArns: Record<string, pulumi.Output<string>>;
    public readonly previewRoleArn: pulumi.Output<string>;

    constructor(name: string, args: GitHubRolesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service-bootstrap:index:GitHubRoles", name, {}, opts);
        const { settings } = args;
        const account = pulumi.output(args.account);
        const subject = (suffix: string) => `repo:${settings.githubRepository}:${suffix}`;

        // GitHub's token issuer, trusted for STS only. AWS verifies this issuer
        // against its own trusted CAs, so no certificate thumbprint is pinned.
        this.oidcProviderArn =
            settings.existingOidcProviderArn !== undefined
                ? pulumi.output(settings.existingOidcProviderArn)
                : new aws.iam.OpenIdConnectProvider(
                      `${name}-oidc`,
                      { url: `https://${GITHUB_TOKEN_HOST}`, clientIdLists: [STS_AUDIENCE] },
                      { parent: this },
                  ).arn;

        // The most any role the stack creates may hold.
        const boundary = new aws.iam.Policy(
            `${name}-workload-boundary`,
            {
                path: settings.workloadRolePath,
                description: "Permissions boundary of the fargate-service task and execution roles",
                policy: account.apply((values) => JSON.stringify(workloadBoundary(values))),
            },
            { parent: this },
        );
        this.workloadBoundaryArn = boundary.arn;

        this.deployRoleArns = Object.fromEntries(
            settings.environments.map((environment) => {
                // Deploys of this environment only: the `sub` claim of a job that
                // declares `environment: <name>`.
                const role = new aws.iam.Role(
                    `${name}-deploy-${environment}`,
                    {
                        description: `pulumi up of the ${environment} stack from ${settings.githubRepository}`,
                        assumeRolePolicy: this.oidcProviderArn.apply((arn) =>
                            JSON.stringify(githubTrust(arn, [subject(`environment:${environment}`)])),
                        ),
                        maxSessionDuration: SESSION_SECONDS,
                    },
                    { parent: this },
                );
                new aws.iam.RolePolicy(
                    `${name}-deploy-${environment}`,
                    {
                        role: role.id,
                        policy: pulumi
                            .all([account, boundary.arn])
                            .apply(([values, boundaryArn]) => JSON.stringify(deployPermissions(values, boundaryArn))),
                    },
                    { parent: this },
                );
                return [environment, role.arn];
            }),
        );

        // Pull-request runs of this repository's branches; fork pull requests get no OIDC token.
        const preview = new aws.iam.Role(
            `${name}-preview`,
            {
                description: `pulumi preview of pull requests in ${settings.githubRepository}`,
                assumeRolePolicy: this.oidcProviderArn.apply((arn) =>
                    JSON.stringify(githubTrust(arn, [subject("pull_request")])),
                ),
                maxSessionDuration: SESSION_SECONDS,
            },
            { parent: this },
        );
        new aws.iam.RolePolicy(
            `${name}-preview`,
            { role: preview.id, policy: account.apply((values) => JSON.stringify(previewPermissions(values))) },
            { parent: this },
        );
        this.previewRoleArn = preview.arn;

        this.registerOutputs({
            oidcProviderArn: this.oidcProviderArn,
            workloadBoundaryArn: this.workloadBoundaryArn,
            deployRoleArns: this.deployRoleArns,
            previewRoleArn: this.previewRoleArn,
        });
    }
}
