// The stack's ECR repository, its lifecycle policy and the image the Docker provider builds and pushes into it.
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
        type: "docker:index/image:Image",
        source:
            "pulumi-docker v5 Image: builds through the Docker daemon and pushes with the registry credentials the " +
            "program passes (aws.ecr.getAuthorizationToken); the push is the Docker registry API, authorized as in " +
            "the ECR User Guide, 'Required IAM permissions for pushing an image' " +
            "(https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html); cacheFrom pulls layers " +
            "and manifests (BatchGetImage, GetDownloadUrlForLayer); deleting the resource leaves the pushed image",
        calls: [
            reads("ecr:BatchCheckLayerAvailability", "create update", owned(repository)),
            changes("ecr:InitiateLayerUpload", "create update", owned(repository)),
            changes("ecr:UploadLayerPart", "create update", owned(repository)),
            changes("ecr:CompleteLayerUpload", "create update", owned(repository)),
            changes("ecr:PutImage", "create update", owned(repository)),
            reads("ecr:BatchGetImage", "create update", owned(repository)),
            reads("ecr:GetDownloadUrlForLayer", "create update", owned(repository)),
        ],
    },
];
