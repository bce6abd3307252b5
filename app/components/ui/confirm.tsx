import { Form, Link } from "@remix-run/react";
import { useId, useRef, useState } from "react";
import { useT } from "~/utils/i18n/use-translation";

/** The field an action checks before doing something that cannot be undone. */
export const CONFIRMED_FIELD = "confirmed";

export function isConfirmed(form: FormData): boolean {
  return form.get(CONFIRMED_FIELD) === "yes";
}

type ConfirmButtonProps = {
  name?: string;
  value: string;
  /** The consequence, in words; a function reads the form at the moment of the click (e.g. unanswered questions). */
  message: string | ((form: HTMLFormElement) => string);
  confirmLabel: string;
  className?: string;
  disabled?: boolean;
  children: React.ReactNode;
};

/**
 * A submit button for an irreversible action. With JavaScript it first opens a dialog stating the
 * consequence and only submits (with `confirmed=yes`) once the user agrees. Without JavaScript the
 * button submits plainly and the action answers with a confirm step (see `ConfirmStep`), so the
 * action never runs unconfirmed either way.
 */
export function ConfirmButton({ name = "intent", value, message, confirmLabel, className = "", disabled, children }: ConfirmButtonProps) {
  const t = useT();
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState("");
  function confirm() {
    const form = button.current?.form;
    dialog.current?.close();
    if (!form || !button.current) return;
    const field = document.createElement("input");
    field.type = "hidden";
    field.name = CONFIRMED_FIELD;
    field.value = "yes";
    form.appendChild(field);
    // The form data is read synchronously on submit, so the field can go at once.
    form.requestSubmit(button.current);
    field.remove();
  }
  return (
    <>
      <button
        ref={button}
        type="submit"
        name={name}
        value={value}
        disabled={disabled}
        className={`rounded px-4 py-2 font-semibold text-white disabled:opacity-60 ${className}`}
        onClick={(event) => {
          const form = event.currentTarget.form;
          if (!form || !dialog.current) return;
          event.preventDefault();
          setText(typeof message === "function" ? message(form) : message);
          dialog.current.showModal();
        }}
      >
        {children}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-text`}
        className="m-auto max-w-md rounded-xl p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="flex flex-col gap-4 p-5">
          <p id={`${id}-text`} className="text-base">
            {text}
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className="rounded border border-slate-300 px-4 py-2" onClick={() => dialog.current?.close()}>
              {t("journeys.confirm.cancel")}
            </button>
            <button type="button" className="rounded bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-600" onClick={confirm}>
              {confirmLabel}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}

/**
 * The same question as a page section, for a browser without JavaScript: the action returned
 * "confirm first" and this form sends the request again with `confirmed=yes`.
 */
export function ConfirmStep({
  message,
  fields,
  confirmLabel,
  cancelHref,
  action,
}: {
  message: string;
  fields: Record<string, string>;
  confirmLabel: string;
  cancelHref: string;
  action?: string;
}) {
  const t = useT();
  return (
    <section role="alertdialog" aria-labelledby="confirm-step-text" className="flex flex-col gap-3 rounded-xl border-2 border-red-300 bg-red-50 p-4">
      <p id="confirm-step-text" className="font-medium text-red-900">
        {message}
      </p>
      <Form method="post" action={action} className="flex flex-wrap items-center gap-3">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name={CONFIRMED_FIELD} value="yes" />
        <button type="submit" className="rounded bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-600">
          {confirmLabel}
        </button>
        <Link to={cancelHref} className="text-brand-700 underline">
          {t("journeys.confirm.cancel")}
        </Link>
      </Form>
    </section>
  );
}
