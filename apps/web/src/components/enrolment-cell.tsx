import { useEnrolmentText, type FigureTotal } from '../hooks/use-enrolment-text';

/** An enrolment total in a table cell: the number (or "Enrolment unknown"), and the schools it leaves out, if any. */
export function EnrolmentCell({ figure }: { figure: FigureTotal | undefined }) {
  const enrolment = useEnrolmentText();
  if (!figure) return <>—</>;
  const leftOut = enrolment.leftOut(figure);
  return (
    <>
      {enrolment.value(figure)}
      {leftOut && <span className="muted small figure-note">{leftOut}</span>}
    </>
  );
}
