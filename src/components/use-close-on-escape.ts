import { useEffect, type RefObject } from 'react'

/** While a header menu is open, Escape closes it and gives focus back to the button that opened it. */
export function useCloseOnEscape(
  open: boolean,
  close: () => void,
  opener: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      close()
      opener.current?.focus()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [open, close, opener])
}
