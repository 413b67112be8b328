// The public entry point: an internet-facing Application Load Balancer in front of the tasks.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AccessLogSettings, HttpsSettings, WebAclSettings } from "../config/stackSettings";
import { AccessLogBucket } from "./accessLogBucket";
import { DomainCertificate } from "./domainCertificate";
import { DomainRecords, publicZoneId } from "./domainRecords";
import { WebFirewall } from "./webFirewall";
import { BlueGreenRouting } from "./blueGreenRouting";
import { serviceTargetGroupArgs } from "./serviceTargetGroup";

export interface LoadBalancerArgs {
    vpcId: pulumi.Input<string>;
    /** Public subnets, one per availability zone. */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    securityGroupId: pulumi.Input<string>;
    containerPort: pulumi.Input<number>;
    healthCheckPath: pulumi.Input<string>;
    deregistrationDelaySeconds: pulumi.Input<number>;
    deletionProtection: pulumi.Input<boolean>;
    /** Set for an HTTPS listener with this certificate, HTTP redirecting to it (plain value: it decides which listeners
     * exist); undefined for HTTP only. A domain adds the certificate ACM issues for it (unless one is given) and its
     * alias record. */
    https: HttpsSettings | undefined;
    /** Set for access logs to a bucket of the stack's own, named with `bucketPrefix`; unset for none (plain values,
     * as https). */
    accessLogs?: AccessLogSettings & { bucketPrefix: string };
    /** Set for a web ACL in front of the load balancer; unset for none. */
    webAcl?: WebAclSettings;
    /** blueGreen adds the second target group and the listener rules ECS shifts (plain: it decides what exists). */
    deploymentStrategy: "rolling" | "blueGreen";
}

/** What the service's blue/green deployment configuration names on the load balancer. */
export interface BlueGreenTargets {
    alternateTargetGroupArn: pulumi.Output<string>;
    productionListenerRuleArn: pulumi.Output<string>;
    testListenerRuleArn: pulumi.Output<string>;
    /** The listener the rules belong to, which ECS's infrastructure role may modify. */
    productionListenerArn: pulumi.Output<string>;
}

/**
 * The console's recommended policy: TLS 1.3, and TLS 1.2 with forward-secret ciphers for clients without 1.3.
 * The API's default (ELBSecurityPolicy-2016-08) would still accept TLS 1.0.
 */
export const tlsPolicy = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06";

export class LoadBalancer extends pulumi.ComponentResource {
    /** http://<dns name>, https://<dns name> when HTTPS is on, or https://<domain> for a domain of the stack's own. */
    public readonly url: pulumi.Output<string>;
    /** Resolves only once a listener forwards to the target group: ECS rejects a group no load balancer uses. */
    public readonly targetGroupArn: pulumi.Output<string>;
    /** "<load balancer ARN suffix>/<target group ARN suffix>": the label of the ALBRequestCountPerTarget metric. */
    public readonly requestCountLabel: pulumi.Output<string>;
    /** The `LoadBalancer` dimension of its CloudWatch metrics. */
    public readonly arnSuffix: pulumi.Output<string>;
    /** The `TargetGroup` dimension of every group the tasks may be in: one, or blue/green's two. */
    public readonly targetGroupArnSuffixes: pulumi.Output<string[]>;
    /** Set with deploymentStrategy blueGreen. */
    public readonly blueGreen: BlueGreenTargets | undefined;

    constructor(name: string, args: LoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:LoadBalancer", name, {}, opts);
        const https = args.https;
        // A domain of the stack's own lives in a Route 53 public hosted zone, looked up once for its records.
        const domain = https?.domain;
        const zoneId = domain === undefined ? undefined : publicZoneId(domain.zoneName, this);
        // The certificate the HTTPS listener serves: the one configured, else one ACM issues for the domain.
        const certificateArn =
            https === undefined || zoneId === undefined || https.certificateArn !== undefined
                ? https?.certificateArn
                : new DomainCertificate(
                      `${name}-certificate`,
                      { domainName: https.domain.name, zoneId },
                      { parent: this },
                  ).certificateArn;
        // The access logs' bucket; the load balancer turns logging on once ELB may write there.
        const accessLogs =
            args.accessLogs === undefined
                ? undefined
                : new AccessLogBucket(
                      `${name}-logs`,
                      {
                          retentionDays: args.accessLogs.retentionDays,
                          forceDestroy: args.accessLogs.deleteWithStack,
                          bucketPrefix: args.accessLogs.bucketPrefix,
                      },
                      { parent: this },
                  );

        // Internet-facing; malformed header fields are dropped rather than passed to the service.
        const loadBalancer = new aws.lb.LoadBalancer(
            `${name}-alb`,
            {
                loadBalancerType: "application",
                internal: false,
                subnets: args.subnetIds,
                securityGroups: [args.securityGroupId],
                dropInvalidHeaderFields: true,
                enableDeletionProtection: args.deletionProtection,
                accessLogs: accessLogs?.loadBalancerAccessLogs,
            },
            { parent: this },
        );
        if (domain !== undefined && zoneId !== undefined) {
            // The domain's alias record to this load balancer.
            new DomainRecords(
                `${name}-dns`,
                {
                    domainName: domain.name,
                    zoneId,
                    loadBalancerDnsName: loadBalancer.dnsName,
                    loadBalancerZoneId: loadBalancer.zoneId,
                },
                { parent: this },
            );
        }
        if (args.webAcl !== undefined) {
            // The web ACL every request passes before a listener sees it.
            new WebFirewall(
                `${name}-waf`,
                { loadBalancerArn: loadBalancer.arn, rateLimit: args.webAcl.rateLimit },
                { parent: this },
            );
        }

        // The tasks, registered by IP; the same settings as blue/green's second group.
        const targetGroup = new aws.lb.TargetGroup(`${name}-tg`, serviceTargetGroupArgs(args), { parent: this });

        const forward = [{ type: "forward", targetGroupArn: targetGroup.arn }];
        // Port 80: forwards, or with HTTPS on, answers with a permanent redirect to 443.
        const http = new aws.lb.Listener(
            `${name}-http`,
            {
                loadBalancerArn: loadBalancer.arn,
                port: 80,
                protocol: "HTTP",
                defaultActions:
                    https !== undefined
                        ? [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]
                        : forward,
            },
            { parent: this },
        );
        const listeners = [http];
        if (https !== undefined) {
            // Port 443: terminates TLS with the configured (or issued) certificate and forwards to the tasks.
            listeners.push(
                new aws.lb.Listener(
                    `${name}-https`,
                    {
                        loadBalancerArn: loadBalancer.arn,
                        port: 443,
                        protocol: "HTTPS",
                        sslPolicy: tlsPolicy,
                        certificateArn,
                        defaultActions: forward,
                    },
                    { parent: this },
                ),
            );
        }

        this.url =
            domain !== undefined
                ? pulumi.output(`https://${domain.name}`)
                : pulumi.interpolate`${https === undefined ? "http" : "https"}://${loadBalancer.dnsName}`;
        // The listener that forwards to the tasks: the HTTPS one when HTTPS is on (HTTP then only redirects).
        const productionListener = listeners[listeners.length - 1];
        const routing =
            args.deploymentStrategy === "blueGreen"
                ? new BlueGreenRouting(
                      `${name}-bluegreen`,
                      {
                          ...args,
                          productionListenerArn: productionListener.arn,
                          primaryTargetGroupArn: targetGroup.arn,
                      },
                      { parent: this },
                  )
                : undefined;

        this.targetGroupArn = pulumi
            .all([targetGroup.arn, ...listeners.map((listener) => listener.arn)])
            .apply(([arn]) => arn);
        this.requestCountLabel = pulumi.interpolate`${loadBalancer.arnSuffix}/${targetGroup.arnSuffix}`;
        this.arnSuffix = loadBalancer.arnSuffix;
        this.targetGroupArnSuffixes = pulumi.all([
            targetGroup.arnSuffix,
            ...(routing === undefined ? [] : [routing.alternateTargetGroupArnSuffix]),
        ]);
        this.blueGreen =
            routing === undefined
                ? undefined
                : {
                      alternateTargetGroupArn: routing.alternateTargetGroupArn,
                      productionListenerRuleArn: routing.productionListenerRuleArn,
                      testListenerRuleArn: routing.testListenerRuleArn,
                      productionListenerArn: productionListener.arn,
                  };
        this.registerOutputs({
            url: this.url,
            targetGroupArn: this.targetGroupArn,
            requestCountLabel: this.requestCountLabel,
            arnSuffix: this.arnSuffix,
            targetGroupArnSuffixes: this.targetGroupArnSuffixes,
        });
    }
}
