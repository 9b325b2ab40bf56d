/**
 * The validator's checks of operation parts, in two tiers. A part's first checks are
 * interpreted (schema-interpreter.ts): nothing to compile, so a service's first exchange costs
 * little more than loading its contracts. Once a part is hot (HOT_AFTER checks) it is handed to
 * ajv, whose compiled code is what the steady state runs on; the definitions the part names are
 * compiled only when a value first reaches them (lazy-definitions.ts). Both tiers give ajv's
 * errors, so findings do not depend on which one checked.
 *
 * One ajv instance serves all of the validator's services, made (and ajv loaded) when the first
 * part gets hot. Parts that read the same (the empty header and query objects of most
 * operations, the error bodies many operations share) are one check per service.
 */
import type { ErrorObject } from 'ajv';
import { addDefinitions, createAjv, type AjvInstance } from './ajv-instance.js';
import { Definitions } from './definitions.js';
import { LazyDefinitions, type RefFunction } from './lazy-definitions.js';
import { interpreted, Unsupported } from './schema-interpreter.js';
import type { JsonSchema, ServiceContract } from './types.js';

/**
 * Checks a part is interpreted for before it is compiled: a compile costs what some hundreds of
 * interpreted checks do, so a part used a few times (most of a test suite's) is never compiled.
 */
export const HOT_AFTER = 32;

export type CheckFunction = ((this: unknown, data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** One part's check; `validate` becomes ajv's compiled function when the part gets hot. Read `errors` off the function called. */
export interface PartCheck {
  validate: CheckFunction;
}

interface ServiceSlot {
  definitions: Definitions;
  /** Made with the ajv instance. */
  lazy?: LazyDefinitions;
  /** ajv holds the service's definitions (a `$ref` was left to it). */
  rooted: boolean;
}

export interface PartValidatorOptions {
  /** Checks interpreted before a part is compiled (default HOT_AFTER): 0 compiles on the first check, Infinity never. */
  hotAfter?: number;
}

export class PartValidators {
  private ajv: AjvInstance | undefined;
  private readonly hotAfter: number;
  /** By `schemaId`, the service part of every `tapegateRef`. */
  private readonly services = new Map<string, ServiceSlot>();
  private readonly byText = new Map<string, PartCheck>();

  constructor(options: PartValidatorOptions = {}) {
    this.hotAfter = options.hotAfter ?? HOT_AFTER;
  }

  /** The check of one part of `service`. */
  checkOf(service: ServiceContract, schema: JsonSchema): PartCheck {
    const text = `${service.schemaId}\n${JSON.stringify(schema)}`;
    let check = this.byText.get(text);
    if (check === undefined) {
      check = this.tiered(this.slotOf(service), schema);
      this.byText.set(text, check);
    }
    return check;
  }

  private tiered(slot: ServiceSlot, schema: JsonSchema): PartCheck {
    const interpret = interpreted(slot.definitions, schema);
    const compile = (): CheckFunction => (check.validate = this.compile(slot, slot.lazy ?? this.lazyOf(slot), schema));
    const hotAfter = this.hotAfter;
    let uses = 0;
    const untilHot: CheckFunction = function (this: unknown, data: unknown): boolean {
      let validate = ++uses > hotAfter ? compile() : interpret;
      let valid: boolean;
      try {
        valid = validate.call(this, data);
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error;
        // A keyword the interpreter does not know: ajv checks this part from now on.
        validate = compile();
        valid = validate.call(this, data);
      }
      // The caller reads the errors off the function it called.
      untilHot.errors = validate.errors;
      return valid;
    };
    const check: PartCheck = { validate: untilHot };
    return check;
  }

  private compile(slot: ServiceSlot, lazy: LazyDefinitions, schema: JsonSchema): RefFunction {
    const prepared = lazy.prepare(schema);
    const ajv = this.ajvInstance();
    if (lazy.needsRoot && !slot.rooted) {
      addDefinitions(ajv, slot.definitions.service);
      slot.rooted = true;
    }
    return ajv.compile(prepared);
  }

  private slotOf(service: ServiceContract): ServiceSlot {
    let slot = this.services.get(service.schemaId);
    if (slot === undefined) {
      slot = { definitions: new Definitions(service), rooted: false };
      this.services.set(service.schemaId, slot);
    }
    return slot;
  }

  private lazyOf(slot: ServiceSlot): LazyDefinitions {
    const lazy: LazyDefinitions = new LazyDefinitions(slot.definitions, (schema) => this.compile(slot, lazy, schema));
    slot.lazy = lazy;
    return lazy;
  }

  private ajvInstance(): AjvInstance {
    this.ajv ??= createAjv((key) => {
      const hash = key.lastIndexOf('#');
      return this.services.get(key.slice(0, hash))?.lazy?.ref(key.slice(hash + 1));
    });
    return this.ajv;
  }
}
