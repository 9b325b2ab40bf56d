/**
 * The decisions about a mode that need the world outside the options: whether this is CI
 * (where nothing should be recorded: CI replays what developers recorded, and a recording
 * there would need real credentials and write a file nobody commits), and whether the
 * cassette has expired (Polly.js `expiresIn`: a cassette older than that may no longer say
 * what AWS answers today).
 */
import { TapegateError } from '../core/errors.js';
import { MODE_STEPS, type ProxyMode } from './modes.js';
import type { ProxySettings } from './options.js';

/** `CI` set to anything but empty, `0` or `false`, as CI services set it. */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** Throws when `mode` would record under CI and the settings did not say to record anyway. */
export function refuseRecordingInCI(settings: ProxySettings, mode: ProxyMode, why = ''): void {
  // The modes table says which modes record; this file only adds the world outside.
  if (!MODE_STEPS[mode].record || settings.recordInCI || !isCI()) return;
  throw new TapegateError(
    `Failed to start ${mode} mode${why}: CI is set, and CI replays what was recorded; record on your machine and commit the cassette, or pass --record-in-ci (recordInCI: true) to record here anyway`,
    2,
  );
}

export interface Expired {
  /** When the cassette was recorded (its header's createdAt). */
  recordedAt: string;
  /** The `expiresIn` it outlived, as given. */
  expiresIn: string;
}

/** The expiry of a cassette recorded at `createdAt`, or null while it is fresh (or no expiresIn is set). */
export function expiryOf(settings: ProxySettings, createdAt: string, now = Date.now()): Expired | null {
  if (settings.expiry === null) return null;
  const recorded = Date.parse(createdAt);
  if (Number.isNaN(recorded) || now - recorded <= settings.expiry.ms) return null;
  return { recordedAt: createdAt, expiresIn: settings.expiry.text };
}
