// The stack's ECR repositories (the image's and the build cache's), their lifecycle policies and the image the
// docker-build provider builds and pushes into them.
import { type ProviderCalls, changes, created, owned, reads, tags, transparentTagging, withTags } from "./types";

const repository = "ecr:repository";

export const registryCalls: ProviderCalls[] = [
    {
        type: "aws:ecr/repository:Repository",
        source:
            "terraform-provider-aws internal/service/ecr/repository.go (resourceRepositoryCreate: CreateRepository " +
            "with tags; Read: DescribeRepositories; Update: PutImageTagMutability, PutImageScanningConfiguration; " +
            "Delete: DeleteRepository, then DescribeRepositories until gone); tags: internal/service/ecr/tags_gen.go " +
            "(ListTagsForResource, TagResource, UntagResource)",
        calls: [
            withTags(changes("ecr:CreateRepository", "create", created(repository))),
            tags("ecr:TagResource", "create", created(repository)),
            reads("ecr:DescribeRepositories", "create read update delete", owned(repository)),
            ...transparentTagging(repository, "ecr:ListTagsForResource", "ecr:TagResource", "ecr:UntagResource"),
            changes("ecr:PutImageTagMutability", "update", owned(repository)),
            changes("ecr:PutImageScanningConfiguration", "update", owned(repository)),
            changes("ecr:DeleteRepository", "delete", owned(repository)),
        ],
    },
    {
        type: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
        source:
            "terraform-provider-aws internal/service/ecr/lifecycle_policy.go (Create: PutLifecyclePolicy; Read: " +
            "GetLifecyclePolicy; every change replaces it; Delete: DeleteLifecyclePolicy)",
        calls: [
            changes("ecr:PutLifecyclePolicy", "create", owned(repository)),
            reads("ecr:GetLifecyclePolicy", "create read", owned(repository)),
            changes("ecr:DeleteLifecyclePolicy", "delete", owned(repository)),
        ],
    },
    {
        type: "docker-build:index:Image",
        source:
            "pulumi-docker-build provider/internal/image.go (Create and Update: a BuildKit build that pulls the " +
            "cacheFrom manifest and layers from the cache repository, pushes the image to the image repository and, " +
            "with cacheTo, the cache to the cache repository; Read: Inspect of each pushed tag at its digest, a " +
            "manifest GET; Delete: client.go Delete removes the local image and tries a registry manifest DELETE " +
            "whose error it ignores, so no ecr:BatchDeleteImage is granted and a destroy leaves the pushed image); " +
            "the registry credentials come from aws.ecr.getAuthorizationToken; the pushes and pulls are the Docker " +
            "registry API, authorized as in the ECR User Guide, 'Required IAM permissions for pushing an image' " +
            "(https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html)",
        calls: [
            reads("ecr:BatchCheckLayerAvailability", "create update", owned(repository)),
            changes("ecr:InitiateLayerUpload", "create update", owned(repository)),
            changes("ecr:UploadLayerPart", "create update", owned(repository)),
            changes("ecr:CompleteLayerUpload", "create update", owned(repository)),
            changes("ecr:PutImage", "create update", owned(repository)),
            reads("ecr:BatchGetImage", "create read update", owned(repository)),
            reads("ecr:GetDownloadUrlForLayer", "create update", owned(repository)),
        ],
    },
];
