// The stack's private image repository and the service image: built and pushed, or (for a rollback) looked up.
import * as path from "path";
import * as aws from "@pulumi/aws";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { findProjectRoot } from "./projectRoot";

export interface ImageRegistryArgs {
    /** The repository's name, e.g. fargate-service-dev. */
    repositoryName: pulumi.Input<string>;
    /** The git commit SHA (or safe tag) the image is tagged with and reports as its version. */
    imageTag: pulumi.Input<string>;
    /** Build and push the image (true), or deploy the image already pushed under `imageTag` (false). */
    buildImage: boolean;
    /** An earlier image of this repository whose layers the build may reuse (CI: the last deploy's); "" for none. */
    cacheFromImage: string;
    /** The Docker platform of the Fargate task, e.g. linux/amd64. */
    platform: pulumi.Input<string>;
    /** How many tagged images the lifecycle policy keeps, i.e. how far back a rollback can go without a rebuild. */
    keepTaggedImages: pulumi.Input<number>;
    /** Let `pulumi destroy` delete a repository that still holds images. */
    forceDelete: pulumi.Input<boolean>;
}

export class ImageRegistry extends pulumi.ComponentResource {
    public readonly repositoryUrl: pulumi.Output<string>;
    public readonly repositoryArn: pulumi.Output<string>;
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

        // Untagged images are leftovers of interrupted pushes; the last N tagged ones are the rollback window.
        new aws.ecr.LifecyclePolicy(
            `${name}-lifecycle`,
            {
                repository: repository.name,
                policy: pulumi.jsonStringify({
                    rules: [
                        {
                            rulePriority: 1,
                            description: "Expire untagged images after one day",
                            selection: {
                                tagStatus: "untagged",
                                countType: "sinceImagePushed",
                                countUnit: "days",
                                countNumber: 1,
                            },
                            action: { type: "expire" },
                        },
                        {
                            rulePriority: 2,
                            description: pulumi.interpolate`Keep the last ${args.keepTaggedImages} tagged images`,
                            selection: {
                                tagStatus: "tagged",
                                tagPatternList: ["*"],
                                countType: "imageCountMoreThan",
                                countNumber: args.keepTaggedImages,
                            },
                            action: { type: "expire" },
                        },
                    ],
                }),
            },
            { parent: this },
        );

        this.repositoryUrl = repository.repositoryUrl;
        this.repositoryArn = repository.arn;
        this.imageRef = args.buildImage
            ? this.buildAndPush(name, repository, args)
            : this.findPushed(repository, args.imageTag);
        this.registerOutputs({
            repositoryUrl: this.repositoryUrl,
            repositoryArn: this.repositoryArn,
            imageRef: this.imageRef,
        });
    }

    /** Builds app/Dockerfile for the task's platform and pushes it with a short-lived ECR token. */
    private buildAndPush(name: string, repository: aws.ecr.Repository, args: ImageRegistryArgs): pulumi.Output<string> {
        // The build context is the repository root: the Dockerfile copies the shared build settings from there.
        const repositoryRoot = findProjectRoot(__dirname);
        const credentials = aws.ecr.getAuthorizationTokenOutput(
            { registryId: repository.registryId },
            { parent: this },
        );
        // The service image, for the task's CPU architecture, tagged with the commit it was built from.
        const image = new docker.Image(
            `${name}-image`,
            {
                imageName: pulumi.interpolate`${repository.repositoryUrl}:${args.imageTag}`,
                build: {
                    // Relative to the working directory (the project root under the Pulumi CLI), so that plans do
                    // not depend on where the repository is checked out.
                    context: relativeToCwd(repositoryRoot),
                    dockerfile: relativeToCwd(path.join(repositoryRoot, "app", "Dockerfile")),
                    platform: args.platform,
                    // The inline cache metadata lets a later build reuse this image's layers through `cacheFrom`.
                    args: { COMMIT_SHA: args.imageTag, BUILDKIT_INLINE_CACHE: "1" },
                    cacheFrom: args.cacheFromImage === "" ? undefined : { images: [args.cacheFromImage] },
                },
                registry: {
                    server: repository.repositoryUrl,
                    username: credentials.userName,
                    password: pulumi.secret(credentials.password),
                },
            },
            { parent: this },
        );
        return image.repoDigest;
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
