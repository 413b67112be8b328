// Bootstrap of continuous delivery, run once per AWS account by someone who
// may manage IAM: `pulumi up` in bootstrap/. Its outputs are what the
// GitHub environments and repository variables need (README, "Continuous delivery").
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { GitHubRoles } from "./githubRoles";
import { readSettings } from "./settings";

const settings = readSettings();

const account = pulumi
    .all([aws.getPartitionOutput(), aws.getCallerIdentityOutput(), aws.getRegionOutput()])
    .apply(([partition, identity, region]) => ({
        partition: partition.partition,
        accountId: identity.accountId,
        region: region.region,
        workloadRolePath: settings.workloadRolePath,
        stateBucket: settings.stateBucket,
    }));

const roles = new GitHubRoles("github", { settings, account });

export const oidcProviderArn = roles.oidcProviderArn;
/** Set as AWS_DEPLOY_ROLE_ARN in the GitHub environment of the same name. */
export const deployRoleArns = roles.deployRoleArns;
/** Set as the repository variable AWS_PREVIEW_ROLE_ARN. */
export const previewRoleArn = roles.previewRoleArn;
/** The stack's task and execution roles must carry this boundary and path. */
export const workloadPermissionsBoundaryArn = roles.workloadBoundaryArn;
export const workloadRolePath = settings.workloadRolePath;
/** Set as the repository variable AWS_REGION. */
export const region = account.region;
