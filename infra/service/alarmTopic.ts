// Where the deployment alarms send their state changes: an SNS topic encrypted with a key of the stack's own, and
// an email subscription when an address is configured.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface AlarmTopicArgs {
    /** Only alarms whose names start with this may use the key, e.g. "fargate-service-prod-". */
    alarmNamePrefix: pulumi.Input<string>;
    /** Subscribed by email; "" subscribes no one (plain: it decides whether the subscription exists). */
    email: string;
}

export class AlarmTopic extends pulumi.ComponentResource {
    public readonly topicArn: pulumi.Output<string>;

    constructor(name: string, args: AlarmTopicArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:AlarmTopic", name, {}, opts);

        const account = aws.getCallerIdentityOutput({}, { parent: this });
        const region = aws.getRegionOutput({}, { parent: this });
        const partition = aws.getPartitionOutput({}, { parent: this });
        // A customer managed key, not SNS's AWS managed aws/sns: CloudWatch can publish to an encrypted topic only
        // when the key's policy lets it (SNS developer guide, "Enable compatibility between event sources from AWS
        // services and encrypted topics"), and an AWS managed key's policy cannot be changed.
        const key = new aws.kms.Key(
            `${name}-key`,
            {
                description: "Encrypts the deployment alarms' SNS topic",
                enableKeyRotation: true,
                deletionWindowInDays: 7,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "TheAccountAdministersTheKeyThroughIam",
                            Effect: "Allow",
                            Principal: {
                                AWS: pulumi.interpolate`arn:${partition.partition}:iam::${account.accountId}:root`,
                            },
                            Action: "kms:*",
                            Resource: "*",
                        },
                        {
                            Sid: "TheStacksAlarmsPublishToTheTopic",
                            Effect: "Allow",
                            Principal: { Service: "cloudwatch.amazonaws.com" },
                            Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                            Resource: "*",
                            Condition: {
                                StringEquals: { "aws:SourceAccount": account.accountId },
                                ArnLike: {
                                    "aws:SourceArn": pulumi.interpolate`arn:${partition.partition}:cloudwatch:${region.region}:${account.accountId}:alarm:${args.alarmNamePrefix}*`,
                                },
                            },
                        },
                    ],
                }),
            },
            { parent: this },
        );
        // A readable name for the key in the console and in CloudTrail.
        new aws.kms.Alias(
            `${name}-key`,
            { name: pulumi.interpolate`alias/${args.alarmNamePrefix}alarms`, targetKeyId: key.keyId },
            { parent: this },
        );
        // The alarms' state changes, for email, chat or paging subscribers.
        const topic = new aws.sns.Topic(`${name}-topic`, { kmsMasterKeyId: key.arn }, { parent: this });

        if (args.email !== "") {
            // AWS mails the address a confirmation link; nothing is delivered until it is followed.
            new aws.sns.TopicSubscription(
                `${name}-email`,
                { topic: topic.arn, protocol: "email", endpoint: args.email },
                { parent: this },
            );
        }

        this.topicArn = topic.arn;
        this.registerOutputs({ topicArn: this.topicArn });
    }
}
