/** What a test asserts on when an SDK call must fail: the error's name, message and status. */
export interface SdkFailure {
  name: string;
  message: string;
  status: number | undefined;
}

/** The rejection of an SDK call; throws if the call succeeded. */
export async function failure(call: Promise<unknown>): Promise<SdkFailure> {
  let error: unknown;
  try {
    await call;
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) throw new Error('expected the SDK call to fail, it succeeded');
  const { name, message, $metadata } = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
  return { name, message, status: $metadata?.httpStatusCode };
}
