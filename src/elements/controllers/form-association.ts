import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/** What the host answers about its validity: nothing (valid), or the problem and the control to point at. */
export interface Invalidity {
  readonly flags: ValidityStateFlags;
  readonly message: string;
  readonly anchor?: HTMLElement;
}

export interface FormAssociationOptions {
  /** The field's value in the host form's FormData, or null for none. Read after every update. */
  value(): string | null;
  /** Undefined when valid. Read after every update and before every check. */
  invalidity(): Invalidity | undefined;
  /**
   * The browser found the element invalid on its own: the host form's submit or `reportValidity()`
   * (not a silent `checkValidity()`, from the host or the element). `focused` tells whether the
   * browser moved focus into the element (it does on a blocked submit).
   */
  onReported?(focused: () => boolean): void;
  /** The host form was reset. */
  onReset?(): void;
  /** The browser restores the field's value (back/forward navigation, autofill of a session). */
  onRestore?(state: string): void;
}

/**
 * Form association through ElementInternals: the element's value and validity in its host form
 * (synchronised after each update), the anchor the browser points at, silent checks, and the form's
 * reset, restore and disabled callbacks. The host declares `static formAssociated = true` and
 * forwards the four `form…Callback`s to `formAssociated`, `reset`, `restore` and `disabledChanged`.
 * Compare Shoelace's FormControlController and material-web's constraint-validation mixin.
 */
export class FormAssociationController implements ReactiveController {
  readonly internals: ElementInternals;
  /** True while an ancestor `<fieldset disabled>` or the form disables the element. */
  disabled = false;
  private silent = false;

  constructor(
    private readonly host: Host,
    private readonly options: FormAssociationOptions,
  ) {
    this.internals = host.attachInternals();
    host.addController(this);
    host.addEventListener('invalid', () => {
      if (this.silent) return;
      const focused = () => host.matches(':focus-within');
      options.onReported?.(focused);
    });
  }

  hostConnected(): void {}

  hostUpdated(): void {
    this.sync();
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** Writes the value and validity now. */
  sync(): void {
    const invalid = this.options.invalidity();
    if (invalid) this.internals.setValidity(invalid.flags, invalid.message, invalid.anchor);
    else this.internals.setValidity({});
    if (this.internals.form) this.internals.setFormValue(this.options.value());
  }

  /** The browser's check, without the reporting that `onReported` does (the `invalid` event still fires). */
  checkValidity(): boolean {
    this.sync();
    this.silent = true;
    try {
      return this.internals.checkValidity();
    } finally {
      this.silent = false;
    }
  }

  // The host's form-associated callbacks, forwarded here.
  formAssociated(): void {
    this.host.requestUpdate();
  }
  reset(): void {
    this.options.onReset?.();
  }
  restore(state: unknown): void {
    if (typeof state === 'string' && state) this.options.onRestore?.(state);
  }
  disabledChanged(disabled: boolean): void {
    this.disabled = disabled;
    this.host.requestUpdate();
  }
}
