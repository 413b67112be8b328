// Bootstrap of continuous delivery, run once per AWS account by someone who may manage IAM (and, unless
// manageGitHubSettings is false, administer the GitHub repository): `pulumi up` in bootstrap/. docs/deploy.md,
// "Setting it up once", walks through it.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { GitHubRoles } from "./githubRoles";
import { GitHubSettings } from "./githubSettings";
import { partitionOf } from "./partition";
import { readSettings } from "./settings";

const settings = readSettings();
const region = new pulumi.Config("aws").require("region");
const place = {
    partition: partitionOf(region),
    region,
    workloadRolePath: settings.workloadRolePath,
    stateBucket: settings.stateBucket,
};
const accountId = aws.getCallerIdentityOutput().accountId;

const roles = new GitHubRoles("github", { settings, place, accountId });
if (settings.manageGitHubSettings) {
    new GitHubSettings("repository", {
        settings,
        region,
        environments: roles.environments,
        previewRoleArn: roles.previewRoleArn,
    });
}

export const oidcProviderArn = roles.oidcProviderArn;
/** Per environment: AWS_DEPLOY_ROLE_ARN and WORKLOAD_PERMISSIONS_BOUNDARY_ARN of its GitHub environment. */
export const environments = roles.environments;
/** AWS_PREVIEW_ROLE_ARN_<ENVIRONMENT> for each environment's preview. */
export const previewRoleArn = roles.previewRoleArn;
/** AWS_REGION (and AWS_REGION_<ENVIRONMENT>): the stacks' aws:region, where the deploy roles may act. */
export { region };
