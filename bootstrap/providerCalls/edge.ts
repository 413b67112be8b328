// The edge (infra/loadBalancer/, infra/service/secrets.ts): a certificate and DNS records for the stack's domain, a
// WAF web ACL, and the SSM parameters that hold the values the stack keeps as Pulumi secrets.
import {
    type ProviderCalls,
    changes,
    created,
    owned,
    reads,
    shared,
    tags,
    transparentTagging,
    withTags,
} from "./types";

const certificate = "acm:certificate";
const zone = shared("route53:hostedzone");
const webAcl = "wafv2:webacl";
const parameter = "ssm:parameter";

/** AWS WAF authorizes the load balancer of an association without any tag key (Service Authorization Reference,
 * AWS WAF V2, AssociateWebACL): it cannot be told apart per environment. */
const associatedLoadBalancer = shared("wafv2:loadbalancer/app/");

const tf = (file: string, calls: string) => `terraform-provider-aws internal/service/${file} (${calls})`;

export const edgeCalls: ProviderCalls[] = [
    {
        type: "aws:acm/certificate:Certificate",
        source: tf(
            "acm/certificate.go",
            "Create: RequestCertificate with tags; Read: DescribeCertificate; Update: UpdateCertificateOptions; " +
                "Delete: DeleteCertificate; tags: ListTagsForCertificate, AddTagsToCertificate, " +
                "RemoveTagsFromCertificate",
        ),
        calls: [
            withTags(changes("acm:RequestCertificate", "create")),
            tags("acm:AddTagsToCertificate", "create", created(certificate)),
            reads("acm:DescribeCertificate", "create read update", owned(certificate)),
            changes("acm:UpdateCertificateOptions", "update", owned(certificate)),
            ...transparentTagging(
                certificate,
                "acm:ListTagsForCertificate",
                "acm:AddTagsToCertificate",
                "acm:RemoveTagsFromCertificate",
            ),
            changes("acm:DeleteCertificate", "delete", owned(certificate)),
        ],
    },
    {
        type: "aws:acm/certificateValidation:CertificateValidation",
        source: tf("acm/certificate_validation.go", "Create: DescribeCertificate until ISSUED; no other call"),
        calls: [reads("acm:DescribeCertificate", "create read", owned(certificate))],
    },
    {
        type: "aws:route53/record:Record",
        source: tf(
            "route53/record.go",
            "Create, Update and Delete: ChangeResourceRecordSets, then GetChange until INSYNC; Read: " +
                "ListResourceRecordSets",
        ),
        calls: [
            changes("route53:ChangeResourceRecordSets", "create update delete", zone),
            reads("route53:GetChange", "create update delete", shared("route53:change")),
            reads("route53:ListResourceRecordSets", "create read update delete", zone),
        ],
    },
    {
        type: "aws:wafv2/webAcl:WebAcl",
        reachedBy: "waf: true (a web ACL with a rate limit in front of the load balancer; the reviewed plans set none)",
        source: tf(
            "wafv2/web_acl.go",
            "Create: CreateWebACL with tags; Read: GetWebACL; Update: UpdateWebACL; Delete: DeleteWebACL; tags: " +
                "ListTagsForResource, TagResource, UntagResource",
        ),
        calls: [
            withTags(changes("wafv2:CreateWebACL", "create", created(webAcl))),
            tags("wafv2:TagResource", "create", created(webAcl)),
            reads("wafv2:GetWebACL", "create read update delete", owned(webAcl)),
            changes("wafv2:UpdateWebACL", "update", owned(webAcl)),
            ...transparentTagging(webAcl, "wafv2:ListTagsForResource", "wafv2:TagResource", "wafv2:UntagResource"),
            changes("wafv2:DeleteWebACL", "delete", owned(webAcl)),
        ],
    },
    {
        type: "aws:wafv2/webAclAssociation:WebAclAssociation",
        reachedBy: "waf: true",
        source: tf(
            "wafv2/web_acl_association.go",
            "Create: AssociateWebACL, which for an ALB also needs elasticloadbalancing:SetWebAcl (AWS WAF " +
                "Developer Guide, 'Permissions to associate a web ACL'); Read: GetWebACLForResource; Delete: " +
                "DisassociateWebACL",
        ),
        calls: [
            changes("wafv2:AssociateWebACL", "create", owned(webAcl), associatedLoadBalancer),
            changes("elasticloadbalancing:SetWebAcl", "create delete"),
            reads("wafv2:GetWebACLForResource", "create read", associatedLoadBalancer),
            changes("wafv2:DisassociateWebACL", "delete", associatedLoadBalancer),
        ],
    },
    {
        type: "aws:ssm/parameter:Parameter",
        reachedBy: "secretValues: values kept as Pulumi secrets, each in /fargate-service/<stack>/<NAME>",
        source: tf(
            "ssm/parameter.go",
            "Create: PutParameter with tags; Read: GetParameter (with decryption), DescribeParameters; Update: " +
                "PutParameter with overwrite; Delete: DeleteParameter; tags: ListTagsForResource, " +
                "AddTagsToResource, RemoveTagsFromResource",
        ),
        calls: [
            withTags(changes("ssm:PutParameter", "create", created(parameter))),
            tags("ssm:AddTagsToResource", "create", created(parameter)),
            changes("ssm:PutParameter", "update", owned(parameter)),
            reads("ssm:GetParameter", "create read update", owned(parameter)),
            reads("ssm:DescribeParameters", "create read update"),
            ...transparentTagging(
                parameter,
                "ssm:ListTagsForResource",
                "ssm:AddTagsToResource",
                "ssm:RemoveTagsFromResource",
            ),
            changes("ssm:DeleteParameter", "delete", owned(parameter)),
        ],
    },
];
