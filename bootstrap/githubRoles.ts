// GitHub's OIDC identity provider and the roles this repository's workflows assume with its tokens: per
// environment a deploy role, held to that environment's resources, and that environment's workload boundary; one
// read-only role for pull-request previews.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { GITHUB_TOKEN_HOST, STS_AUDIENCE, deployTrust, parseRepository, previewTrust } from "./githubTrust";
import { deployPolicy } from "./permissions/deployPolicy";
import { previewPolicy } from "./permissions/previewPolicy";
import { type Account, STACK_PROJECT, roleBasePath } from "./permissions/scope";
import { splitPolicy } from "./permissions/split";
import { workloadBoundary } from "./permissions/workloadBoundary";
import type { BootstrapSettings } from "./settings";

export interface GitHubRolesArgs {
    readonly settings: BootstrapSettings;
    /** The account, but for its ID: the partition and region are known before the program runs. */
    readonly place: Omit<Account, "accountId">;
    readonly accountId: pulumi.Input<string>;
}

/** Any account ID has 12 digits: documents built with this one are as long as the real ones. */
const SAME_LENGTH_ACCOUNT_ID = "000000000000";

/** What the workflows and the stacks need of one environment. */
export interface EnvironmentRoles {
    readonly deployRoleArn: pulumi.Output<string>;
    readonly workloadBoundaryArn: pulumi.Output<string>;
    readonly workloadRolePath: string;
}

// The workflows' credentials live for one deploy at most.
const SESSION_SECONDS = 3600;

/** The boundary's ARN follows from its name and path, so the deploy policy can name it before it exists. */
export function boundaryName(environment: string): string {
    return `${STACK_PROJECT}-${environment}-workload-boundary`;
}

export function boundaryArn(account: Account, environment: string): string {
    const path = roleBasePath(account, environment);
    return `arn:${account.partition}:iam::${account.accountId}:policy${path}${boundaryName(environment)}`;
}

export class GitHubRoles extends pulumi.ComponentResource {
    public readonly oidcProviderArn: pulumi.Output<string>;
    public readonly environments: Record<string, EnvironmentRoles>;
    public readonly previewRoleArn: pulumi.Output<string>;

    constructor(name: string, args: GitHubRolesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service-bootstrap:index:GitHubRoles", name, {}, opts);
        const { settings } = args;
        const repository = parseRepository(settings.githubRepository);
        const accountId = pulumi.output(args.accountId);

        // GitHub's token issuer, trusted for STS only. AWS verifies this issuer against its own trusted CAs, so no
        // certificate thumbprint is pinned.
        this.oidcProviderArn =
            settings.existingOidcProviderArn !== undefined
                ? pulumi.output(settings.existingOidcProviderArn)
                : new aws.iam.OpenIdConnectProvider(
                      `${name}-oidc`,
                      { url: `https://${GITHUB_TOKEN_HOST}`, clientIdLists: [STS_AUDIENCE] },
                      { parent: this },
                  ).arn;

        this.environments = Object.fromEntries(
            settings.environments.map((environment) => [environment, this.environmentRoles(name, environment, args)]),
        );

        // Pull-request runs of this repository's branches; fork pull requests get no OIDC token.
        const preview = new aws.iam.Role(
            `${name}-preview`,
            {
                description: `pulumi preview of pull requests in ${repository.name}`,
                assumeRolePolicy: this.oidcProviderArn.apply((arn) => JSON.stringify(previewTrust(arn, repository))),
                maxSessionDuration: SESSION_SECONDS,
            },
            { parent: this },
        );
        // Reads what `pulumi preview` reads, for every environment; changes nothing.
        new aws.iam.RolePolicy(
            `${name}-preview`,
            {
                role: preview.id,
                policy: accountId.apply((id) =>
                    JSON.stringify(previewPolicy({ ...args.place, accountId: id }, settings.environments)),
                ),
            },
            { parent: this },
        );
        this.previewRoleArn = preview.arn;

        this.registerOutputs({
            oidcProviderArn: this.oidcProviderArn,
            environments: this.environments,
            previewRoleArn: this.previewRoleArn,
        });
    }

    private environmentRoles(name: string, environment: string, args: GitHubRolesArgs): EnvironmentRoles {
        const { settings, place } = args;
        const repository = parseRepository(settings.githubRepository);
        const path = roleBasePath(place, environment);
        const accountId = pulumi.output(args.accountId);
        const inAccount = <T>(build: (account: Account) => T) =>
            accountId.apply((id) => build({ ...place, accountId: id }));

        // The most any role this environment's deploys create may hold: its own image, its own logs.
        new aws.iam.Policy(
            `${name}-${environment}-workload-boundary`,
            {
                name: boundaryName(environment),
                path,
                description: `Permissions boundary of the ${environment} stack's task roles`,
                policy: inAccount((account) => JSON.stringify(workloadBoundary(account, environment))),
            },
            { parent: this },
        );

        // Deploys of this environment only, from the refs it deploys from (githubTrust.ts).
        const role = new aws.iam.Role(
            `${name}-deploy-${environment}`,
            {
                description: `pulumi up of the ${environment} stack from ${repository.name}`,
                assumeRolePolicy: this.oidcProviderArn.apply((arn) =>
                    JSON.stringify(deployTrust(arn, repository, environment, settings.deployRefs[environment])),
                ),
                maxSessionDuration: SESSION_SECONDS,
            },
            { parent: this },
        );
        const permissions = (account: Account) =>
            splitPolicy(deployPolicy({ account, environment, boundaryArn: boundaryArn(account, environment) }));
        permissions({ ...place, accountId: SAME_LENGTH_ACCOUNT_ID }).forEach((_, index) => {
            // Part of what `pulumi up` of this environment calls (bootstrap/providerCalls/), on its resources only.
            const policy = new aws.iam.Policy(
                `${name}-deploy-${environment}-${index + 1}`,
                {
                    name: `${STACK_PROJECT}-${environment}-deploy-${index + 1}`,
                    description: `pulumi up of the ${environment} stack, part ${index + 1}`,
                    policy: inAccount((account) => JSON.stringify(permissions(account)[index])),
                },
                { parent: this },
            );
            // Gives the deploy role that part.
            new aws.iam.RolePolicyAttachment(
                `${name}-deploy-${environment}-${index + 1}`,
                { role: role.name, policyArn: policy.arn },
                { parent: this },
            );
        });
        return {
            deployRoleArn: role.arn,
            workloadBoundaryArn: inAccount((account) => boundaryArn(account, environment)),
            workloadRolePath: path,
        };
    }
}
