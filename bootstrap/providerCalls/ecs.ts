// The ECS cluster, the task definition and the service.
import { type ProviderCalls, changes, created, owned, reads, requiring, shared, tags, withTags } from "./types";

const cluster = "ecs:cluster";
const service = "ecs:service";
const taskDefinition = "ecs:task-definition";

/** ECS tags on create only with ecs:TagResource in the same request (ECS Developer Guide, "Grant permission to tag
 * resources on creation"); ecs:CreateAction names the creating call. */
const tagOnCreate = (ref: string, createAction: string) =>
    requiring(tags("ecs:TagResource", "create", created(ref)), { "ecs:CreateAction": createAction });

export const ecsCalls: ProviderCalls[] = [
    {
        type: "aws:ecs/cluster:Cluster",
        source:
            "terraform-provider-aws internal/service/ecs/cluster.go (Create: CreateCluster with tags, which creates " +
            "ECS's service-linked role on first use; Read: DescribeClusters including TAGS, so no ListTagsForResource; " +
            "Update: UpdateCluster; Delete: DeleteCluster, then DescribeClusters until INACTIVE); tag updates: " +
            "TagResource/UntagResource (internal/service/ecs/tags_gen.go)",
        calls: [
            withTags(changes("ecs:CreateCluster", "create", created(cluster))),
            tagOnCreate(cluster, "CreateCluster"),
            requiring(changes("iam:CreateServiceLinkedRole", "create", shared("iam:role/aws-service-role")), {
                "iam:AWSServiceName": "ecs.amazonaws.com",
            }),
            reads("ecs:DescribeClusters", "create read update delete", owned(cluster)),
            changes("ecs:UpdateCluster", "update", owned(cluster)),
            tags("ecs:TagResource", "update", owned(cluster)),
            tags("ecs:UntagResource", "update", owned(cluster)),
            changes("ecs:DeleteCluster", "delete", owned(cluster)),
        ],
    },
    {
        type: "aws:ecs/taskDefinition:TaskDefinition",
        source:
            "terraform-provider-aws internal/service/ecs/task_definition.go (Create: RegisterTaskDefinition with " +
            "tags; Read: DescribeTaskDefinition including TAGS; Update: tags only; every other change registers a " +
            "new revision and deregisters the old one: DeregisterTaskDefinition). Registering passes the execution " +
            "and task roles to ECS tasks (iam:PassRole, ECS Developer Guide 'Task execution IAM role')",
        calls: [
            withTags(changes("ecs:RegisterTaskDefinition", "create", created(taskDefinition))),
            tagOnCreate(taskDefinition, "RegisterTaskDefinition"),
            requiring(changes("iam:PassRole", "create", owned("iam:role")), {
                "iam:PassedToService": "ecs-tasks.amazonaws.com",
            }),
            reads("ecs:DescribeTaskDefinition", "create read update"),
            tags("ecs:TagResource", "update", owned(taskDefinition)),
            tags("ecs:UntagResource", "update", owned(taskDefinition)),
            changes("ecs:DeregisterTaskDefinition", "delete"),
        ],
    },
    {
        type: "aws:ecs/service:Service",
        source:
            "terraform-provider-aws internal/service/ecs/service.go (Create: CreateService with tags, then " +
            "DescribeServices until ACTIVE or steady; Read: DescribeServices including TAGS; Update: UpdateService, " +
            "then DescribeServices until steady; Delete: DescribeServices, UpdateService to 0 tasks, DeleteService, " +
            "DescribeServices until INACTIVE); tag updates: TagResource/UntagResource. A blue/green service passes " +
            "its load balancers' infrastructure role to ECS (iam:PassRole, ECS Developer Guide, 'Amazon ECS " +
            "infrastructure IAM role for load balancers')",
        calls: [
            withTags(changes("ecs:CreateService", "create", created(service))),
            tagOnCreate(service, "CreateService"),
            reads("ecs:DescribeServices", "create read update delete", owned(service)),
            changes("ecs:UpdateService", "update delete", owned(service)),
            requiring(changes("iam:PassRole", "create update", owned("iam:role")), {
                "iam:PassedToService": "ecs.amazonaws.com",
            }),
            tags("ecs:TagResource", "update", owned(service)),
            tags("ecs:UntagResource", "update", owned(service)),
            changes("ecs:DeleteService", "delete", owned(service)),
        ],
    },
];
