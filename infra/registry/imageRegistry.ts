// The stack's private image repository and the service image: built and pushed, or (for a rollback) looked up.
import * as path from "path";
import * as aws from "@pulumi/aws";
import * as dockerBuild from "@pulumi/docker-build";
import * as pulumi from "@pulumi/pulumi";
import { BuildCache } from "./buildCache";
import { findProjectRoot } from "./projectRoot";

export interface ImageRegistryArgs {
    /** The repository's name, e.g. fargate-service-dev; its build cache is the repository `<name>-cache`. */
    repositoryName: pulumi.Input<string>;
    /** The git commit SHA (or safe tag) the image is tagged with and reports as its version. */
    imageTag: pulumi.Input<string>;
    /** Build and push the image (true), or deploy the image already pushed under `imageTag` (false). */
    buildImage: boolean;
    /** The Docker platform of the Fargate task. */
    platform: "linux/amd64" | "linux/arm64";
    /** Let `pulumi destroy` delete a repository that still holds images. */
    forceDelete: pulumi.Input<boolean>;
}

export class ImageRegistry extends pulumi.ComponentResource {
    public readonly repositoryUrl: pulumi.Output<string>;
    public readonly repositoryArn: pulumi.Output<string>;
    /** The repository's name, for the lifecycle policy that ImageRetention sets once the service runs the image. */
    public readonly repositoryName: pulumi.Output<string>;
    /** The image by digest (repository@sha256:...), so every deploy runs exactly the bits that were pushed. */
    public readonly imageRef: pulumi.Output<string>;

    constructor(name: string, args: ImageRegistryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:ImageRegistry", name, {}, opts);

        // A private repository owned by the stack; immutable tags make a tag name one image forever.
        const repository = new aws.ecr.Repository(
            `${name}-repo`,
            {
                name: args.repositoryName,
                imageTagMutability: "IMMUTABLE",
                imageScanningConfiguration: { scanOnPush: true },
                encryptionConfigurations: [{ encryptionType: "AES256" }],
                forceDelete: args.forceDelete,
            },
            { parent: this },
        );

        // Kept through rollbacks too (buildImage=false), so the next build starts warm.
        const cache = new BuildCache(
            `${name}-cache`,
            { repositoryName: pulumi.interpolate`${repository.name}-cache`, platform: args.platform },
            { parent: this },
        );

        this.repositoryUrl = repository.repositoryUrl;
        this.repositoryArn = repository.arn;
        this.repositoryName = repository.name;
        this.imageRef = args.buildImage
            ? this.buildAndPush(name, repository, cache, args)
            : this.findPushed(repository, args.imageTag);
        this.registerOutputs({
            repositoryUrl: this.repositoryUrl,
            repositoryArn: this.repositoryArn,
            repositoryName: this.repositoryName,
            imageRef: this.imageRef,
        });
    }

    /**
     * Builds app/Dockerfile for the task's platform and pushes it with a short-lived ECR token. Every input follows
     * from the commit and the build settings alone, nothing from an earlier run: a re-run of the same commit (a
     * re-run job, prod after dev, a later tag) finds no change and builds nothing, so it never pushes an immutable
     * tag twice. @pulumi/docker-build (unlike @pulumi/docker's Image, whose only cache is an inline one of the final
     * stage) exports a BuildKit cache of every stage, here to the stack's own cache repository.
     */
    private buildAndPush(
        name: string,
        repository: aws.ecr.Repository,
        cache: BuildCache,
        args: ImageRegistryArgs,
    ): pulumi.Output<string> {
        // The build context is the repository root: the Dockerfile copies the shared build settings from there.
        const repositoryRoot = findProjectRoot(__dirname);
        const credentials = aws.ecr.getAuthorizationTokenOutput(
            { registryId: repository.registryId },
            { parent: this },
        );
        // The service image, for the task's CPU architecture, tagged with the commit it was built from.
        const image = new dockerBuild.Image(
            `${name}-image`,
            {
                tags: [pulumi.interpolate`${repository.repositoryUrl}:${args.imageTag}`],
                push: true,
                // Previews (pull requests, and the preview that starts every `pulumi up`) build and push nothing.
                buildOnPreview: false,
                // Relative to the working directory (the project root under the Pulumi CLI), so that plans do not
                // depend on where the repository is checked out.
                context: { location: relativeToCwd(repositoryRoot) },
                dockerfile: { location: relativeToCwd(path.join(repositoryRoot, "app", "Dockerfile")) },
                platforms: [args.platform],
                buildArgs: { COMMIT_SHA: args.imageTag },
                cacheFrom: [{ registry: { ref: cache.ref } }],
                // mode=max keeps every stage (the restore and the native toolchain too), not only the final one.
                // ECR takes a cache only as a single OCI image manifest. A failed export costs speed, not the deploy.
                cacheTo: [
                    {
                        registry: {
                            ref: cache.ref,
                            mode: dockerBuild.CacheMode.Max,
                            imageManifest: true,
                            ociMediaTypes: true,
                            ignoreError: true,
                        },
                    },
                ],
                // One registry for both repositories: they live in the same account and region.
                registries: [
                    {
                        address: repository.repositoryUrl.apply((url) => url.split("/")[0]),
                        username: credentials.userName,
                        password: pulumi.secret(credentials.password),
                    },
                ],
            },
            // The lifecycle policy decides when an image goes, not Pulumi: without this, removing the resource (a
            // rollback with buildImage=false) would delete the last pushed image from ECR.
            { parent: this, retainOnDelete: true },
        );
        return pulumi.interpolate`${repository.repositoryUrl}@${image.digest}`;
    }

    /** Rollback: the digest ECR already holds for `imageTag`; an immutable tag cannot be pushed twice. */
    private findPushed(repository: aws.ecr.Repository, imageTag: pulumi.Input<string>): pulumi.Output<string> {
        const pushed = aws.ecr.getImageOutput(
            {
                registryId: repository.registryId,
                repositoryName: repository.name,
                imageTag,
            },
            { parent: this },
        );
        return pulumi.interpolate`${repository.repositoryUrl}@${pushed.imageDigest}`;
    }
}

function relativeToCwd(target: string): string {
    return path.relative(process.cwd(), target) || ".";
}
