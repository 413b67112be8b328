// The GitHub side, so that the setup is code too: each deploy environment may be used only from the refs it deploys
// from (a deployment branch policy: GitHub refuses a job of another branch before it sees the environment's
// secrets, while the roles' trust refuses its token in AWS, githubTrust.ts), and the variables the workflows read.
// Needs a GitHub token with admin rights on the repository (GITHUB_TOKEN); off with manageGitHubSettings: false.
import * as github from "@pulumi/github";
import * as pulumi from "@pulumi/pulumi";
import type { EnvironmentRoles } from "./githubRoles";
import { parseRepository } from "./githubTrust";
import type { BootstrapSettings } from "./settings";

export interface GitHubSettingsArgs {
    readonly settings: BootstrapSettings;
    readonly region: string;
    readonly environments: Record<string, EnvironmentRoles>;
    readonly previewRoleArn: pulumi.Input<string>;
}

/** "dev" → "DEV": the suffix of an environment's repository-level preview variables. */
export function variableSuffix(environment: string): string {
    return environment.toUpperCase().replace(/-/g, "_");
}

/** refs/heads/main → a branch pattern main; refs/tags/v* → a tag pattern v* (GitHub's fnmatch patterns). */
export function deploymentPolicyOf(ref: string): { branchPattern: string } | { tagPattern: string } {
    return ref.startsWith("refs/tags/")
        ? { tagPattern: ref.slice("refs/tags/".length) }
        : { branchPattern: ref.slice("refs/heads/".length) };
}

export class GitHubSettings extends pulumi.ComponentResource {
    constructor(name: string, args: GitHubSettingsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service-bootstrap:index:GitHubSettings", name, {}, opts);
        const { settings } = args;
        const [owner, repository] = parseRepository(settings.githubRepository).name.split("/");
        // The repository's owner; the token comes from GITHUB_TOKEN.
        const provider = new github.Provider(`${name}-provider`, { owner }, { parent: this });
        const options = { parent: this, provider };
        const variable = (id: string, variableName: string, value: pulumi.Input<string>) =>
            new github.ActionsVariable(`${name}-${id}`, { repository, variableName, value }, options);

        for (const [environment, roles] of Object.entries(args.environments)) {
            // The environment deploys run in. Reviewers and wait timers stay as set by hand (prod's approvers).
            const environmentResource = new github.RepositoryEnvironment(
                `${name}-${environment}`,
                {
                    repository,
                    environment,
                    deploymentBranchPolicy: { protectedBranches: false, customBranchPolicies: true },
                },
                { ...options, ignoreChanges: ["reviewers", "waitTimer", "preventSelfReview", "canAdminsBypass"] },
            );
            const inEnvironment = { ...options, dependsOn: [environmentResource] };
            settings.deployRefs[environment].forEach((ref, index) => {
                // Only this ref may run jobs in the environment.
                new github.RepositoryEnvironmentDeploymentPolicy(
                    `${name}-${environment}-ref-${index + 1}`,
                    { repository, environment, ...deploymentPolicyOf(ref) },
                    inEnvironment,
                );
            });
            const environmentVariables: Record<string, pulumi.Input<string>> = {
                AWS_DEPLOY_ROLE_ARN: roles.deployRoleArn,
                AWS_REGION: args.region,
                WORKLOAD_PERMISSIONS_BOUNDARY_ARN: roles.workloadBoundaryArn,
            };
            for (const [variableName, value] of Object.entries(environmentVariables)) {
                // What deploy.yml reads in this environment.
                new github.ActionsEnvironmentVariable(
                    `${name}-${environment}-${variableName.toLowerCase()}`,
                    { repository, environment, variableName, value },
                    inEnvironment,
                );
            }
            // What pull-request.yml's preview of this stack reads (previews run in no environment).
            const suffix = variableSuffix(environment);
            variable(`preview-role-${environment}`, `AWS_PREVIEW_ROLE_ARN_${suffix}`, args.previewRoleArn);
            variable(`preview-region-${environment}`, `AWS_REGION_${suffix}`, args.region);
            variable(
                `preview-boundary-${environment}`,
                `WORKLOAD_PERMISSIONS_BOUNDARY_ARN_${suffix}`,
                roles.workloadBoundaryArn,
            );
        }
        this.registerOutputs({});
    }
}
