// On-demand prices in US East (N. Virginia), read on 2026-12-02 from stored copies of public pages (the machine this
// was written on reaches no live web). AWS's pricing pages render most of their rate tables with a script, so their
// stored copies often show a rate's name but not its figure; where that is so, `evidence` says where the figure was
// read instead. A price no stored page gave is null: the estimate lists what uses it as not priced.
import type { PriceTable } from "../priceTable";

const read = "2026-12-02";
const fargate = "https://aws.amazon.com/fargate/pricing/";
const fargateEvidence =
    "The stored copy of the AWS page lists the Linux/X86 and Linux/ARM rates by name only (rendered by script). " +
    "Figure as read at https://vantage.sh/blog/fargate-pricing (us-east-1: Linux/x86 $0.04048 per vCPU per hour, " +
    "$0.004445 per GB per hour; Linux/ARM $0.03238, $0.00356); the x86 vCPU rate matches the AWS ECS pricing page's " +
    'example "CPU cost: $0.000011244 per vCPU second" (x 3,600 = $0.04048), as transcribed at ' +
    "https://raw.githubusercontent.com/api-evangelist/amazon-ecs/refs/heads/main/plans/amazon-ecs-plans-pricing.yml";
const elb = "https://aws.amazon.com/elasticloadbalancing/pricing/";
const elbEvidence =
    "The stored copy of the AWS page (same text at aws.amazon.com/elasticloadbalancing/classicloadbalancer/pricing/) " +
    "renders the rate table by script. Figure from the page's US-East-1 pricing example as transcribed at " +
    "https://raw.githubusercontent.com/api-evangelist/amazon-elastic-load-balancing/refs/heads/main/plans/amazon-elastic-load-balancing-plans-pricing.yml " +
    '("$0.0225 hourly charge"; "$0.008 per LCU"; "An LCU contains: 25 new connections per second; 3,000 active ' +
    'connections per minute; 1 GB per hour for EC2/containers/IP targets ...; 1,000 rule evaluations per second")';
const vpc = "https://aws.amazon.com/vpc/pricing/";
const natEvidence =
    'The stored copy of the AWS page renders its rates by script; its NAT gateway example reads "$0.045 per hour" ' +
    'and "a charge of $0.045 per GB" (US East (Ohio)), as transcribed at ' +
    "https://raw.githubusercontent.com/api-evangelist/amazon-vpc/refs/heads/main/plans/amazon-vpc-plans-pricing.yml; " +
    'the same rates for us-east-1 at https://basavytix.com/blog/aws-nat-gateway-pricing ("$0.045/hr", "$0.045/GB", ' +
    '"These are the us-east-1 rates")';
const privateLink = "https://aws.amazon.com/privatelink/pricing/";
const cloudWatch = "https://aws.amazon.com/cloudwatch/pricing/";
const cloudWatchScripted = "The stored copy of the AWS page names the Logs, Metrics and Alarms tabs without figures. ";
const route53 = "https://aws.amazon.com/route53/pricing/";
const waf = "https://aws.amazon.com/waf/pricing/";
const wafEvidence =
    "No stored copy of the AWS page was found. Figure as read at https://c3x.dev/blog/aws-waf-cost-explained " +
    '("$5/month per Web ACL + $1/month per rule + $0.60 per million requests inspected"); AWS says "The pricing for ' +
    'AWS WAF is consistent across all AWS Regions" at https://aws.amazon.com/blogs/networking-and-content-delivery/' +
    "cost-effective-ways-for-securing-your-web-applications-using-aws-waf/";

export const usEast1: PriceTable = {
    region: "us-east-1",
    currency: "USD",
    prices: {
        fargateX86VcpuHour: { usd: 0.04048, per: "vCPU-hour", source: fargate, read, evidence: fargateEvidence },
        fargateX86GbHour: { usd: 0.004445, per: "GB-hour", source: fargate, read, evidence: fargateEvidence },
        fargateArmVcpuHour: { usd: 0.03238, per: "vCPU-hour", source: fargate, read, evidence: fargateEvidence },
        fargateArmGbHour: { usd: 0.00356, per: "GB-hour", source: fargate, read, evidence: fargateEvidence },
        albHour: { usd: 0.0225, per: "load balancer-hour", source: elb, read, evidence: elbEvidence },
        albLcuHour: { usd: 0.008, per: "LCU-hour", source: elb, read, evidence: elbEvidence },
        natGatewayHour: { usd: 0.045, per: "NAT gateway-hour", source: vpc, read, evidence: natEvidence },
        natGatewayGb: { usd: 0.045, per: "GB processed", source: vpc, read, evidence: natEvidence },
        publicIpv4Hour: {
            usd: 0.005,
            per: "address-hour",
            source: vpc,
            read,
            evidence:
                "Not in the stored copy of the AWS page. AWS's community site (an author's post) reads " +
                '"Effective February 1, 2024, every resource with a Public IPv4 address (NAT Gateway, EC2 Instance, ' +
                'Load balancer, VPN etc.) will be charged $0.005 per IP per hour": ' +
                "https://community.aws/content/2c6cKl0W4KQZIO6dWnnDHs1tHSp/aws-to-charge-public-ipv4-addresses",
        },
        interfaceEndpointAzHour: {
            usd: 0.01,
            per: "endpoint-AZ-hour",
            source: privateLink,
            read,
            evidence:
                'The stored AWS page reads "You will be billed for each hour that your VPC endpoint remains ' +
                'provisioned in each Availability Zone" without the figure. Figure as read at https://oneuptime.com/' +
                'blog/post/2026-02-12-optimize-data-transfer-costs-with-vpc-endpoints/view ("$0.01 per GB processed ' +
                '+ hourly charge per AZ ($0.01/hour)")',
        },
        interfaceEndpointGb: {
            usd: 0.01,
            per: "GB processed",
            source: privateLink,
            read,
            evidence:
                "A stored copy of the AWS page's text (at https://968880.n0h2l.group/privatelink/pricing) reads, for " +
                'interface endpoints, "Data Processed per month in an AWS Region ... First 1 PB $0.01"',
        },
        gatewayEndpoint: {
            usd: 0,
            per: "endpoint",
            source: privateLink,
            read,
            evidence:
                "The AWS page prices interface and Gateway Load Balancer endpoints only. " +
                'https://www.usage.ai/blogs/aws-network-costs/ reads "Gateway Endpoints for S3 and DynamoDB cost ' +
                'nothing: no hourly charge, no per-GB charge"',
        },
        logsIngestedGb: {
            usd: 0.5,
            per: "GB ingested",
            source: cloudWatch,
            read,
            evidence:
                cloudWatchScripted +
                "Figure as read at https://hykell.com/kb/platform-specific-guides/aws-cloudwatch-logs-pricing " +
                '("In standard regions like us-east-1, AWS charges $0.50 per GB of data collected")',
        },
        logsInfrequentAccessIngestedGb: {
            usd: 0.25,
            per: "GB ingested",
            source: cloudWatch,
            read,
            evidence:
                cloudWatchScripted +
                'Figure as read at https://c3x.dev/blog/cloudwatch-logs-cost-optimization ("us-east-1, June 2026 ... ' +
                'Infrequent Access log class - Ingestion: $0.25 per GB")',
        },
        logsStoredGbMonth: {
            usd: 0.03,
            per: "GB-month stored",
            source: cloudWatch,
            read,
            evidence:
                cloudWatchScripted +
                "Figure as read at https://hykell.com/kb/platform-specific-guides/aws-cloudwatch-logs-pricing " +
                '("AWS charges $0.03 per GB per month for this archival storage in us-east-1")',
        },
        customMetricMonth: {
            usd: 0.3,
            per: "metric-month",
            source: cloudWatch,
            read,
            evidence:
                cloudWatchScripted +
                "Figure (first 10,000 metrics) as read at https://cal53.calculator.city/cloudwatch-custom-metrics-" +
                'calculator/ ("CloudWatch charges $0.30 per metric per month for the first 10,000 metrics")',
        },
        alarmMonth: {
            usd: 0.1,
            per: "alarm-month",
            source: cloudWatch,
            read,
            evidence:
                cloudWatchScripted +
                "Figure as read at https://c3x.dev/resources/aws/aws_cloudwatch_metric_alarm " +
                '("$0.10/alarm-month for standard resolution")',
        },
        highResolutionAlarmMonth: {
            usd: 0.3,
            per: "alarm-month",
            source: cloudWatch,
            read,
            evidence:
                cloudWatchScripted +
                "Figure as read at https://c3x.dev/resources/aws/aws_cloudwatch_metric_alarm " +
                '("High-resolution alarms (10s) cost $0.30/month")',
        },
        ecrStorageGbMonth: {
            usd: 0.1,
            per: "GB-month",
            source: "https://aws.amazon.com/ecr/pricing/",
            read,
            evidence:
                "No stored copy of the AWS page was found. Figure as read at " +
                'https://cloudburn.io/blog/amazon-ecr-pricing ("All pricing reflects US East (N. Virginia) rates from ' +
                'the Amazon ECR pricing page as of March 2026"; "Private storage | $0.10/GB/month")',
        },
        route53HostedZoneMonth: {
            usd: 0.5,
            per: "hosted zone-month",
            source: route53,
            read,
            evidence:
                "No stored copy of the AWS page was found. Figure (first 25 zones) as read at " +
                'https://ns1.com/resources/aws-dns ("$0.50 per hosted DNS zone / month for the first 25 hosted zones")',
        },
        route53StandardQueriesMillion: {
            usd: null,
            per: "million queries",
            source: route53,
            read,
            evidence:
                "Not found: no stored page searched (the AWS page, route53 guides) showed the figure for standard " +
                "queries, so records that are not aliases are listed as not priced",
        },
        route53AliasQueries: {
            usd: 0,
            per: "query",
            source: route53,
            read,
            evidence:
                "AWS's Route 53 Developer Guide: \"Route 53 doesn't charge for alias queries to AWS resources\" " +
                "(github.com/awsdocs/amazon-route53-docs, doc_source/resource-record-sets-choosing-alias-non-alias.md)",
        },
        wafWebAclMonth: { usd: 5, per: "web ACL-month", source: waf, read, evidence: wafEvidence },
        wafRuleMonth: { usd: 1, per: "rule-month", source: waf, read, evidence: wafEvidence },
        wafRequestsMillion: { usd: 0.6, per: "million requests", source: waf, read, evidence: wafEvidence },
        s3StandardGbMonth: {
            usd: 0.023,
            per: "GB-month",
            source: "https://aws.amazon.com/s3/pricing/",
            read,
            evidence:
                "The stored copy of the AWS page (at https://smart.socialdev.workers.dev/page-https-aws.amazon.com/s3/" +
                "pricing) describes the storage classes without figures. Figure (first 50 TB) as read at " +
                "https://devnotes.tech/understanding-aws-s3-pricing-a-complete-cost-breakdown-with-examples " +
                '("S3 Standard ... Pricing starts at $0.023 per GB/month (US East region)")',
        },
        acmPublicCertificate: {
            usd: 0,
            per: "certificate",
            source: "https://aws.amazon.com/certificate-manager/pricing/",
            read,
            evidence:
                "No stored copy of the AWS page was found. https://digitaliceroom.com/aws-cheat-sheet/aws-security/" +
                'aws-certificate-manager reads "Public SSL/TLS certificates provisioned through ACM are free of charge"',
        },
        ssmStandardParameter: {
            usd: 0,
            per: "parameter",
            source: "https://aws.amazon.com/systems-manager/pricing/",
            read,
            evidence:
                "No stored copy of the AWS page was found. https://techoral.com/aws/aws-parameter-store-vs-secrets.html " +
                'reads "Free (Standard tier)" and "10,000 standard parameters free forever"',
        },
        ssmAdvancedParameterMonth: {
            usd: null,
            per: "parameter-month",
            source: "https://aws.amazon.com/systems-manager/pricing/",
            read,
            evidence:
                "Not found: no stored page searched gave the monthly charge of an advanced parameter, so advanced " +
                "parameters are listed as not priced",
        },
        kmsKeyMonth: {
            usd: 1,
            per: "key-month",
            source: "https://aws.amazon.com/kms/pricing/",
            read,
            evidence:
                'As read at https://aws.amazon.com/kms/pricing/ ("Each AWS KMS key that you create in KMS costs ' +
                "$1/month ... If you enable automatic key rotation, each newly generated backing key costs an " +
                'additional $1/month"): the first year of a rotated key costs $1/month, each rotation adds $1/month',
        },
        secretsManagerSecretMonth: {
            usd: 0.4,
            per: "secret-month",
            source: "https://aws.amazon.com/secrets-manager/pricing/",
            read,
            evidence:
                "No stored copy of the AWS page was found. Figure as read at https://hivebook.wiki/wiki/aws-secrets-" +
                'manager-rotated-secrets-dynamic-db-credentials-kms ("Pricing is $0.40 per secret per month + $0.05 ' +
                'per 10k API calls")',
        },
    },
};
