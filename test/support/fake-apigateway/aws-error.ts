/**
 * The one way the fake fails a request: throw an `AwsError`, and the server turns it into the
 * response AWS would send. Status, `x-amzn-errortype` and a JSON `{"message": ...}` body, plus
 * whatever members the error shape adds (`resourceType`, `limitType`, a `Retry-After` header).
 */
export interface AwsErrorOptions {
  /**
   * Appended to the type in `x-amzn-errortype` after a `:`, as AWS does for some v1 errors
   * (`NotFoundException:http://internal.amazon.com/coral/...`); clients must strip it.
   */
  typeSuffix?: string;
  /** Extra response headers (lower-case names), e.g. `retry-after`. */
  headers?: Record<string, string>;
  /** Extra body members besides `message`. */
  members?: Record<string, string>;
}

export class AwsError extends Error {
  override readonly name = 'AwsError';
  readonly typeSuffix: string | undefined;
  readonly headers: Record<string, string>;
  readonly members: Record<string, string>;

  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
    options: AwsErrorOptions = {},
  ) {
    super(message);
    this.typeSuffix = options.typeSuffix;
    this.headers = options.headers ?? {};
    this.members = options.members ?? {};
  }

  /** The value of the `x-amzn-errortype` header. */
  get errorTypeHeader(): string {
    return this.typeSuffix ? `${this.type}:${this.typeSuffix}` : this.type;
  }

  get body(): Record<string, string> {
    return { message: this.message, ...this.members };
  }
}

/** What real API Gateway v1 appends to NotFoundException: kept so clients prove they strip it. */
const V1_CORAL_SUFFIX = 'http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/';

export const badRequest = (message: string): AwsError => new AwsError('BadRequestException', 400, message);

export const conflict = (message: string): AwsError => new AwsError('ConflictException', 409, message);

export const v1NotFound = (message: string): AwsError => new AwsError('NotFoundException', 404, message, { typeSuffix: V1_CORAL_SUFFIX });

export const v2NotFound = (message: string, resourceType: string): AwsError => new AwsError('NotFoundException', 404, message, { members: { resourceType } });
