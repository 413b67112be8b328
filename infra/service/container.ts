// The service's one container, as ECS's JSON container definition.
import * as pulumi from "@pulumi/pulumi";
import type { ContainerSecret } from "./secrets";

export interface ContainerArgs {
    /** The image by digest. */
    image: pulumi.Input<string>;
    containerPort: pulumi.Input<number>;
    environment: pulumi.Input<string>;
    projectName: pulumi.Input<string>;
    version: pulumi.Input<string>;
    logLevel: pulumi.Input<string>;
    logGroupName: pulumi.Input<string>;
    logRegion: pulumi.Input<string>;
    /** Variables ECS reads from SSM or Secrets Manager at start (name and ARN, never a value); unset for none. */
    secrets?: pulumi.Input<ContainerSecret[]>;
}

export const containerName = "app";
/** The writable scratch volume; everything else is read-only. */
export const scratchVolume = "tmp";
/** The service drains for this long on SIGTERM; ECS waits 5 s more before SIGKILL. */
const appShutdownSeconds = 10;
const stopTimeoutSeconds = appShutdownSeconds + 5;
/** The non-root user of the .NET runtime images (APP_UID). */
const appUser = "1654";

/** Pinned to the image digest, non-root, read-only root with a writable /tmp for the .NET runtime's temp files. */
export function containerDefinitions(args: ContainerArgs): pulumi.Output<string> {
    return pulumi.jsonStringify([
        {
            name: containerName,
            image: args.image,
            essential: true,
            user: appUser,
            readonlyRootFilesystem: true,
            mountPoints: [{ sourceVolume: scratchVolume, containerPath: "/tmp", readOnly: false }],
            portMappings: [{ containerPort: args.containerPort, hostPort: args.containerPort, protocol: "tcp" }],
            // Sorted by name, the order ECS returns them in, so previews show no phantom changes.
            environment: [
                { name: "APP_ENVIRONMENT", value: args.environment },
                { name: "APP_LOG_LEVEL", value: args.logLevel },
                { name: "APP_PORT", value: pulumi.output(args.containerPort).apply(String) },
                { name: "APP_SERVICE_NAME", value: args.projectName },
                { name: "APP_SHUTDOWN_TIMEOUT_SECONDS", value: String(appShutdownSeconds) },
                { name: "APP_VERSION", value: args.version },
            ],
            // Absent rather than empty without secrets, as ECS returns it, so previews show no phantom change.
            ...(args.secrets === undefined ? {} : { secrets: args.secrets }),
            stopTimeout: stopTimeoutSeconds,
            logConfiguration: {
                logDriver: "awslogs",
                options: {
                    "awslogs-group": args.logGroupName,
                    "awslogs-region": args.logRegion,
                    "awslogs-stream-prefix": containerName,
                },
            },
        },
    ]);
}
