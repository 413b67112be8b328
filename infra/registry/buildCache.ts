// Where the image build keeps its BuildKit cache: a repository of the stack's own, beside the image repository.
//
// Why a repository of its own: a cache is one tag overwritten by every build, which the image repository's
// immutable tags refuse; only the deploy role may write it (a cache that other code could write would reach every
// image built from it, unlike the GitHub Actions cache, which any workflow run on the branch may write); and the
// task's execution role, which may pull from the image repository only, never sees the build stage it holds.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** The cache tags' prefix; the repository lets only tags with it move (ECR tag mutability exclusions). */
export const cacheTagPrefix = "buildcache-";

export interface BuildCacheArgs {
    /** The cache repository's name, e.g. fargate-service-dev-cache. */
    repositoryName: pulumi.Input<string>;
    /** The Docker platform built; each platform keeps its own cache tag, so switching architectures keeps both. */
    platform: "linux/amd64" | "linux/arm64";
}

export class BuildCache extends pulumi.ComponentResource {
    /** The cache image, e.g. <account>.dkr.ecr.<region>.amazonaws.com/fargate-service-dev-cache:buildcache-linux-amd64. */
    public readonly ref: pulumi.Output<string>;
    public readonly repositoryArn: pulumi.Output<string>;

    constructor(name: string, args: BuildCacheArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:BuildCache", name, {}, opts);

        // The cache repository: every tag immutable but the cache tags, which each build overwrites.
        const repository = new aws.ecr.Repository(
            `${name}-repo`,
            {
                name: args.repositoryName,
                imageTagMutability: "IMMUTABLE_WITH_EXCLUSION",
                imageTagMutabilityExclusionFilters: [{ filter: `${cacheTagPrefix}*`, filterType: "WILDCARD" }],
                imageScanningConfiguration: { scanOnPush: true },
                encryptionConfigurations: [{ encryptionType: "AES256" }],
                // A cache is rebuilt by the next build: it never holds a destroy back.
                forceDelete: true,
            },
            { parent: this },
        );

        // A build leaves the cache it replaced untagged; a day later it goes, with the layers only it used.
        new aws.ecr.LifecyclePolicy(
            `${name}-lifecycle`,
            {
                repository: repository.name,
                policy: JSON.stringify({
                    rules: [
                        {
                            rulePriority: 1,
                            description: "Expire replaced caches after one day",
                            selection: {
                                tagStatus: "untagged",
                                countType: "sinceImagePushed",
                                countUnit: "days",
                                countNumber: 1,
                            },
                            action: { type: "expire" },
                        },
                    ],
                }),
            },
            { parent: this },
        );

        this.ref = pulumi.interpolate`${repository.repositoryUrl}:${cacheTagPrefix}${args.platform.replace("/", "-")}`;
        this.repositoryArn = repository.arn;
        this.registerOutputs({ ref: this.ref, repositoryArn: this.repositoryArn });
    }
}
