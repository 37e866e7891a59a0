import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../shared/forms/form-engine.js';
import { REGION_CODES } from '../../../shared/forms/region-codes.js';
import type { AnswerValue, Answers, FormField, LeafField, RepeatGroupField, RepeatItem } from '../../../shared/forms/form-schema.js';
import type { Language } from '../../../shared/domain/languages.js';
import { issueText } from '../../i18n.js';
import { formatPrice } from '../../ui/format.js';
import { fieldElementId, readPath, textOf } from './answer-paths.js';
import { dateForDisplay, typed } from './keyboard-target.js';
import { PHONE_PREFIX, phoneShown } from './phone-entry.js';

export interface FieldProps {
  field: FormField;
  path: string;
  answers: Answers;
  calculated: Record<string, AnswerValue>;
  issues: FieldIssue[];
  language: Language;
  /** The field (and part) the on-screen keyboard types into. */
  focusedPath?: string;
  onFocusText: (path: string, field: FormField, part?: string) => void;
  onChange: (path: string, value: AnswerValue) => void;
  /** Whether this field is the screen's only question (its label is then the page heading). */
  asHeading: boolean;
}

const ADDRESS_PARTS = ['district', 'locality', 'street', 'house', 'flat'] as const;

/** Errors say what is wrong above the input (GOV.UK pattern), with an icon as well as colour. */
function IssueMessages({ issues, language }: { issues: FieldIssue[]; language: Language }) {
  const { t } = useTranslation();
  return (
    <>
      {/* Two rules of one field can both fail with the same code and different words: the position keeps keys apart. */}
      {issues.map((issue, index) => (
        <p key={`${issue.path}-${issue.code}-${index}`} className={issue.severity === 'error' ? 'field-error' : 'field-warning'} id={`${fieldElementId(issue.path)}-issue`}>
          <span aria-hidden="true">{issue.severity === 'error' ? '⚠ ' : 'ⓘ '}</span>
          {issueText(t, issue, language)}
        </p>
      ))}
    </>
  );
}

export function FieldInput(props: FieldProps) {
  const { field, path, language, issues, asHeading } = props;
  const own = issues.filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`));
  const label = field.label[language];
  const Heading = asHeading ? 'h1' : 'h2';
  return (
    <div className={`form-field${own.some((issue) => issue.severity === 'error') ? ' has-error' : ''}`} data-field-type={field.type}>
      <Heading className="field-label" id={`${fieldElementId(path)}-label`}>
        {label}
      </Heading>
      {field.hint && (
        <p className="field-hint" id={`${fieldElementId(path)}-hint`}>
          {field.hint[language]}
        </p>
      )}
      {field.type !== 'repeatGroup' && <IssueMessages issues={own} language={language} />}
      {field.type === 'repeatGroup' ? <RepeatGroupInput {...props} field={field} /> : <LeafInput {...props} field={field} />}
    </div>
  );
}

function describedBy(path: string, field: FormField, issues: FieldIssue[]): string | undefined {
  const ids = [field.hint ? `${fieldElementId(path)}-hint` : '', ...issues.filter((issue) => issue.path === path).map((issue) => `${fieldElementId(issue.path)}-issue`)];
  return ids.filter(Boolean).join(' ') || undefined;
}

function LeafInput(props: FieldProps & { field: LeafField }) {
  const { field, path, answers, language, onChange, onFocusText, focusedPath, issues, calculated } = props;
  const { t } = useTranslation();
  const value = readPath(answers, path);
  const labelledBy = `${fieldElementId(path)}-label`;

  switch (field.type) {
    case 'singleChoice':
    case 'yesNo': {
      const options =
        field.type === 'yesNo'
          ? [
              { value: true, label: t('application:form.yes') },
              { value: false, label: t('application:form.no') },
            ]
          : field.options.map((option) => ({ value: option.value, label: option.label[language] }));
      return (
        <div className="choice-list" role="radiogroup" aria-labelledby={labelledBy} id={fieldElementId(path)} tabIndex={-1}>
          {options.map((option) => (
            <button
              key={String(option.value)}
              type="button"
              role="radio"
              aria-checked={value === option.value}
              className={`choice${value === option.value ? ' selected' : ''}`}
              onClick={() => onChange(path, option.value)}
            >
              <span className="choice-mark" aria-hidden="true">
                {value === option.value ? '✓' : ''}
              </span>
              {option.label}
            </button>
          ))}
        </div>
      );
    }
    case 'multipleChoice': {
      const selected = Array.isArray(value) ? (value as string[]) : [];
      return (
        <div className="choice-list" role="group" aria-labelledby={labelledBy} id={fieldElementId(path)} tabIndex={-1}>
          {field.options.map((option) => {
            const checked = selected.includes(option.value);
            return (
              <button
                key={option.value}
                type="button"
                role="checkbox"
                aria-checked={checked}
                className={`choice${checked ? ' selected' : ''}`}
                onClick={() => onChange(path, checked ? selected.filter((item) => item !== option.value) : [...selected, option.value])}
              >
                <span className="choice-mark" aria-hidden="true">
                  {checked ? '✓' : ''}
                </span>
                {option.label[language]}
              </button>
            );
          })}
        </div>
      );
    }
    case 'calculated': {
      const result = calculated[field.id];
      return (
        <p className="calculated-value" id={fieldElementId(path)} data-testid={`calculated-${field.id}`}>
          {result === null || result === undefined ? '—' : field.format === 'som' && typeof result === 'number' ? formatPrice(t, language, result) : textOf(result)}
        </p>
      );
    }
    case 'address': {
      const regionPath = `${path}.region`;
      const region = readPath(answers, regionPath);
      return (
        <div className="address-input" id={fieldElementId(path)} tabIndex={-1}>
          <p className="field-part-label" id={`${fieldElementId(regionPath)}-label`}>
            {t('application:form.address.region')}
          </p>
          <div className="choice-list regions" role="radiogroup" aria-labelledby={`${fieldElementId(regionPath)}-label`}>
            {REGION_CODES.map((code) => (
              <button
                key={code}
                type="button"
                role="radio"
                aria-checked={region === code}
                className={`choice${region === code ? ' selected' : ''}`}
                onClick={() => onChange(regionPath, code)}
              >
                <span className="choice-mark" aria-hidden="true">
                  {region === code ? '✓' : ''}
                </span>
                {t(`application:form.regions.${code}`)}
              </button>
            ))}
          </div>
          {ADDRESS_PARTS.map((part) => (
            <TextBox
              key={part}
              path={`${path}.${part}`}
              label={t(`application:form.address.${part}`)}
              value={textOf(readPath(answers, `${path}.${part}`))}
              focused={focusedPath === `${path}.${part}`}
              onFocus={() => onFocusText(`${path}.${part}`, field, part)}
              onChange={(next) => onChange(`${path}.${part}`, next)}
            />
          ))}
        </div>
      );
    }
    default: {
      const phone = field.type === 'phone' ? phoneShown(textOf(value)) : undefined;
      const shown = field.type === 'date' ? dateForDisplay(textOf(value)) : (phone?.text ?? textOf(value));
      return (
        <TextBox
          path={path}
          prefix={phone && { text: PHONE_PREFIX, shown: phone.prefixed }}
          labelledBy={labelledBy}
          describedBy={describedBy(path, field, issues)}
          value={shown}
          multiline={field.type === 'longText'}
          invalid={issues.some((issue) => issue.path === path && issue.severity === 'error')}
          placeholder={field.type === 'date' ? t('application:form.datePlaceholder') : undefined}
          focused={focusedPath === path}
          onFocus={() => onFocusText(path, field)}
          onChange={(next) => onChange(path, typed(next, field))}
        />
      );
    }
  }
}

interface TextBoxProps {
  path: string;
  value: string;
  label?: string;
  labelledBy?: string;
  describedBy?: string;
  multiline?: boolean;
  invalid?: boolean;
  placeholder?: string;
  /**
   * Fixed text before the input, such as a phone's country code; hidden (not removed, so the input
   * keeps its focus) while the visitor types a code of their own.
   */
  prefix?: { text: string; shown: boolean } | undefined;
  focused: boolean;
  onFocus: () => void;
  onChange: (value: string) => void;
}

/** A text input the on-screen keyboard types into; a physical keyboard works in it too. */
function TextBox({ path, value, label, labelledBy, describedBy, multiline, invalid, placeholder, prefix, focused, onFocus, onChange }: TextBoxProps) {
  const common = {
    id: fieldElementId(path),
    value,
    inputMode: 'none' as const,
    autoComplete: 'off',
    spellCheck: false,
    'aria-labelledby': label ? undefined : [labelledBy, prefix?.shown ? `${fieldElementId(path)}-prefix` : ''].filter(Boolean).join(' ') || undefined,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    placeholder,
    className: `text-input${focused ? ' keyboard-target' : ''}`,
    onFocus,
    onClick: onFocus,
  };
  return (
    <div className="text-box">
      {label && (
        <label className="field-part-label" htmlFor={fieldElementId(path)}>
          {label}
        </label>
      )}
      {multiline ? (
        <textarea {...common} rows={4} onChange={(event) => onChange(event.target.value)} />
      ) : prefix ? (
        <div className="text-input-row">
          <span className="text-input-prefix" id={`${fieldElementId(path)}-prefix`} hidden={!prefix.shown}>
            {prefix.text}
          </span>
          <input {...common} type="text" onChange={(event) => onChange(event.target.value)} />
        </div>
      ) : (
        <input {...common} type="text" onChange={(event) => onChange(event.target.value)} />
      )}
    </div>
  );
}

function RepeatGroupInput(props: FieldProps & { field: RepeatGroupField }) {
  const { field, path, answers, language, onChange, issues } = props;
  const { t } = useTranslation();
  const items = (Array.isArray(answers[field.id]) ? answers[field.id] : []) as RepeatItem[];
  const groupIssues = issues.filter((issue) => issue.path === path);
  return (
    <div className="repeat-group" id={fieldElementId(path)} tabIndex={-1}>
      <IssueMessages issues={groupIssues} language={language} />
      {items.map((_item, index) => (
        <fieldset key={index} className="repeat-item" data-item-index={index}>
          <legend>
            {field.itemLabel[language]} {index + 1}
          </legend>
          {field.fields.map((child) => (
            <FieldInput key={child.id} {...props} field={child} path={`${path}.${index}.${child.id}`} asHeading={false} />
          ))}
          <button type="button" className="button secondary" onClick={() => onChange(path, items.filter((_, other) => other !== index))}>
            {t('application:form.removeItem', { item: `${field.itemLabel[language]} ${index + 1}` })}
          </button>
        </fieldset>
      ))}
      {items.length < field.maxItems && (
        <button type="button" className="button secondary add-item" onClick={() => onChange(path, [...items, {}])}>
          <span aria-hidden="true">+ </span>
          {t('application:form.addItem', { item: field.itemLabel[language] })}
        </button>
      )}
    </div>
  );
}
