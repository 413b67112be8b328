// The dedicated VPC as configuration decides it: its layout, NAT gateways and VPC endpoints, and the rules that refuse
// a VPC AWS would build but the service could not run in.
import { parseIpv4Cidr } from "./cidr";
import { natGatewayChoices, vpcEndpointChoices } from "./limits";
import { SettingsReader } from "./settingsReader";
import {
    enclosingBlock,
    shortfalls,
    smallestFittingPrefix,
    SubnetDemand,
    SubnetLayout,
    subnetLayout,
} from "./subnetLayout";

type NatGatewayChoice = (typeof natGatewayChoices)[number];
type VpcEndpointChoice = (typeof vpcEndpointChoices)[number];

/** What the dedicated VPC is built from. */
export interface DedicatedVpcSettings {
    cidrBlock: string;
    zones: number;
    layout: SubnetLayout;
    /** awsx's NatGatewayStrategy. */
    natGateways: "None" | "Single" | "OnePerAz";
    /** The S3 gateway endpoint: free, and the path image layers take from ECR's S3 buckets. */
    s3GatewayEndpoint: boolean;
    /** Interface endpoints by service suffix (com.amazonaws.<region>.<suffix>); each is billed per zone and hour. */
    interfaceEndpoints: readonly string[];
}

/** The keys these rules read, as stackSettings.ts parsed them. */
export interface VpcValues {
    vpc: "default" | "dedicated";
    vpcCidr: string;
    availabilityZones: number;
    maxCount: number;
    natGateways: NatGatewayChoice;
    vpcEndpoints: VpcEndpointChoice;
    /** Secret name → ARN the container reads, and the values the stack stores in SSM itself. */
    secrets: Readonly<Record<string, string>>;
    secretValues: Readonly<Record<string, unknown>>;
}

const natStrategies: Readonly<Record<NatGatewayChoice, DedicatedVpcSettings["natGateways"]>> = {
    none: "None",
    single: "Single",
    onePerAz: "OnePerAz",
};

/**
 * A Fargate task (platform 1.4.0) in a private subnet pulls its image from ECR's API and registry endpoints and the
 * image layers from S3, and the awslogs driver writes to CloudWatch Logs ("Migrating to Linux platform version 1.4.0",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-version-migration.html).
 */
const imageAndLogServices = ["ecr.api", "ecr.dkr", "logs"] as const;

/**
 * The services a task reaches through interface endpoints: ECR and CloudWatch Logs, and the stores its secrets come
 * from ("Amazon ECS interface VPC endpoints": tasks that read SSM parameters or Secrets Manager secrets without a NAT
 * gateway need the ssm or secretsmanager endpoint, https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html).
 */
function interfaceServices(values: VpcValues): string[] {
    const arns = Object.values(values.secrets);
    return [
        ...imageAndLogServices,
        ...(arns.some((arn) => arn.includes(":ssm:")) || Object.keys(values.secretValues).length > 0 ? ["ssm"] : []),
        ...(arns.some((arn) => arn.includes(":secretsmanager:")) ? ["secretsmanager"] : []),
    ];
}

/** The dedicated VPC's settings, or undefined when the stack runs in the account's default VPC. */
export function dedicatedVpcSettings(values: VpcValues): DedicatedVpcSettings | undefined {
    const cidr = parseIpv4Cidr(values.vpcCidr);
    if (values.vpc !== "dedicated" || cidr === undefined) {
        return undefined;
    }
    return {
        cidrBlock: values.vpcCidr,
        zones: values.availabilityZones,
        layout: subnetLayout(cidr.prefix, values.availabilityZones),
        natGateways: natStrategies[values.natGateways],
        s3GatewayEndpoint: values.vpcEndpoints !== "none",
        interfaceEndpoints: values.vpcEndpoints === "all" ? interfaceServices(values) : [],
    };
}

/** The dedicated VPC must give tasks a way to ECR and CloudWatch Logs, and room for a deployment and the load balancer. */
export function checkDedicatedVpc(r: SettingsReader, values: VpcValues): void {
    if (values.vpc !== "dedicated") {
        return;
    }
    if (!r.failed("natGateways", "vpcEndpoints") && values.natGateways === "none" && values.vpcEndpoints !== "all") {
        r.problem(
            "natGateways",
            values.natGateways,
            `with ${r.label("vpcEndpoints")} ${JSON.stringify(values.vpcEndpoints)} tasks in the private subnets could ` +
                "neither pull their image (ECR api, ECR dkr, S3), read their secrets (SSM, Secrets Manager) nor ship " +
                "their logs (CloudWatch Logs); allowed: " +
                `single or onePerAz, or none with ${r.label("vpcEndpoints")} all`,
        );
    }
    checkCapacity(r, values);
}

/** Finding 8 of issue 11: a block too small for maxCount tasks fails only when the service scales out. */
function checkCapacity(r: SettingsReader, values: VpcValues): void {
    const cidr = parseIpv4Cidr(values.vpcCidr);
    if (cidr === undefined || r.failed("vpcCidr", "availabilityZones", "maxCount", "natGateways", "vpcEndpoints")) {
        return;
    }
    const demand: SubnetDemand = {
        zones: values.availabilityZones,
        maxCount: values.maxCount,
        interfaceEndpoints: values.vpcEndpoints === "all" ? interfaceServices(values).length : 0,
        natGateways: values.natGateways !== "none",
    };
    const reasons = shortfalls(cidr.prefix, demand);
    if (reasons.length === 0) {
        return;
    }
    const fits = smallestFittingPrefix(demand, 16, cidr.prefix);
    r.problem(
        "vpcCidr",
        values.vpcCidr,
        `with availabilityZones ${values.availabilityZones} and maxCount ${values.maxCount} ${reasons.join(", and ")}; ` +
            (fits === undefined
                ? "no block from /16 up fits: lower maxCount or availabilityZones"
                : `the smallest block that fits is a /${fits}, such as ${enclosingBlock(cidr, fits)}`),
    );
}
