/**
 * What S3's answers look like that botocore's model does not say: the root element names of
 * output bodies (Smithy's `@xmlName` on the output shapes; botocore's parser ignores the root
 * name, so its JSON dropped them), the namespace every S3 body declares, and GetBucketLocation,
 * whose root element is its one member. Readers never depend on these; writers use them so a
 * canned answer looks like S3's own.
 */
export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

const ROOTS: Record<string, string> = {
  CompleteMultipartUpload: 'CompleteMultipartUploadResult',
  CreateMultipartUpload: 'InitiateMultipartUploadResult',
  CreateSession: 'CreateSessionResult',
  DeleteObjects: 'DeleteResult',
  GetBucketAccelerateConfiguration: 'AccelerateConfiguration',
  GetBucketAcl: 'AccessControlPolicy',
  GetBucketCors: 'CORSConfiguration',
  GetBucketLifecycle: 'LifecycleConfiguration',
  GetBucketLifecycleConfiguration: 'LifecycleConfiguration',
  GetBucketLogging: 'BucketLoggingStatus',
  GetBucketNotification: 'NotificationConfiguration',
  GetBucketNotificationConfiguration: 'NotificationConfiguration',
  GetBucketRequestPayment: 'RequestPaymentConfiguration',
  GetBucketTagging: 'Tagging',
  GetBucketVersioning: 'VersioningConfiguration',
  GetBucketWebsite: 'WebsiteConfiguration',
  GetObjectAcl: 'AccessControlPolicy',
  GetObjectAttributes: 'GetObjectAttributesResponse',
  GetObjectTagging: 'Tagging',
  ListBucketAnalyticsConfigurations: 'ListBucketAnalyticsConfigurationResult',
  ListBucketInventoryConfigurations: 'ListInventoryConfigurationsResult',
  ListBucketMetricsConfigurations: 'ListMetricsConfigurationsResult',
  ListBuckets: 'ListAllMyBucketsResult',
  ListDirectoryBuckets: 'ListAllMyDirectoryBucketsResult',
  ListMultipartUploads: 'ListMultipartUploadsResult',
  ListObjectVersions: 'ListVersionsResult',
  ListObjects: 'ListBucketResult',
  ListObjectsV2: 'ListBucketResult',
  ListParts: 'ListPartsResult',
};

/** The root element of `operation`'s output body (without a payload member). */
export function outputRootName(operation: string): string {
  return Object.hasOwn(ROOTS, operation) ? (ROOTS[operation] as string) : `${operation}Result`;
}

/** Operations whose whole body is one member's element: `<LocationConstraint>us-west-2</LocationConstraint>`. */
export const ROOT_IS_MEMBER: Readonly<Record<string, string>> = { GetBucketLocation: 'LocationConstraint' };
