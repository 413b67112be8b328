// Which images the stack's repository keeps: never the one the service runs, then the newest as a rollback window.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { retentionRules } from "./retentionRules";

export interface ImageRetentionArgs {
    /** The image repository (ImageRegistry's `repositoryName`). */
    repositoryName: pulumi.Input<string>;
    /** The tag of the image this deploy runs: the one built now, or the earlier one a rollback deploys. */
    runningImageTag: pulumi.Input<string>;
    /** How many tagged images to keep besides it: how far back a rollback can go without a rebuild. */
    keepTaggedImages: pulumi.Input<number>;
    /**
     * The ECS service that runs the image (its name, an output of the service). The policy names the new image only
     * once the service has reached a steady state on it (waitForSteadyState); until then the policy in force still
     * keeps the image the tasks run, and when ECS rolls the deployment back the update fails before this, so the
     * policy goes on naming the image that runs again.
     */
    serviceName: pulumi.Input<string>;
}

export class ImageRetention extends pulumi.ComponentResource {
    constructor(name: string, args: ImageRetentionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:ImageRetention", name, {}, opts);

        // Keeps the running image whatever its age, expires untagged leftovers, keeps the newest tagged images.
        const policy = new aws.ecr.LifecyclePolicy(
            `${name}-lifecycle`,
            {
                repository: args.repositoryName,
                // The service name only orders the update after the service's; the rules do not mention it.
                policy: pulumi
                    .all([args.runningImageTag, args.keepTaggedImages, args.serviceName])
                    .apply(([tag, keep]) => JSON.stringify({ rules: retentionRules(tag, keep) })),
            },
            { parent: this },
        );

        this.registerOutputs({ policy: policy.policy });
    }
}
