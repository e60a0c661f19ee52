// What the seed threads say. Short scripts, reused across chats; the chat builder adds the
// routing system messages around them. Some customer texts are hostile on purpose (markup,
// `javascript:` links) so the app can prove it renders chat content as text.

/**
 * One line of a script: a customer or agent message (by the lead agent unless `by` names
 * another), an internal note (by the lead agent, or the
 * chat's supervisor when there is one), a file, a deleted event.
 */
export type Line =
  | { c: string }
  | { a: string; by?: string }
  | { note: string; by?: 'supervisor' }
  | { file: string; contentType: string; size: number; from: 'customer' | 'agent' }
  | { deleted: string; from: 'customer' | 'agent' }

export const XSS_IMG = '<img src=x onerror=alert(1)>'
export const XSS_LINK = '[track my order](javascript:alert(document.cookie))'

export const SCRIPTS = {
  order: [
    { c: 'Hi! Where is my order #48213? It was due yesterday.' },
    { a: 'Hello! Let me check that for you.' },
    { a: 'It left our warehouse this morning and should arrive tomorrow.' },
    { c: 'Great, thank you!' },
  ],
  shipping: [
    { c: 'Do you ship to Texas?' },
    { a: 'We do: standard shipping takes 3 to 5 business days.' },
    { c: 'And express?' },
  ],
  hello: [{ c: 'Hello? Is anyone there?' }],
  hostile: [
    { c: `Hi ${XSS_IMG} can you see this?` },
    { a: 'Hi, I can see your message. How can I help?' },
    { c: `The tracking page says ${XSS_LINK} but nothing happens` },
    { c: 'Also this: javascript:alert(1)' },
  ],
  pricing: [
    { c: 'How much is the Team plan for 12 seats?' },
    { a: 'The Team plan is $41 per seat per month, billed yearly.' },
    { note: 'Big account, offer the 15% annual discount if they ask.', by: 'supervisor' },
    { c: 'Is there a discount for a yearly plan?' },
  ],
  demo: [
    { c: 'Could I get a product demo next week?' },
    { a: 'Of course! Does Tuesday at 10:00 CET work for you?' },
    { c: 'Tuesday works.' },
  ],
  login: [
    { c: "I can't log in, it says my password is wrong." },
    { a: 'Sorry about that. I have sent you a password reset link.' },
    { c: 'Got it, trying now.' },
  ],
  bug: [
    { c: 'The export button does nothing in Firefox.' },
    { file: 'export-bug.png', contentType: 'image/png', size: 48213, from: 'customer' },
    { a: 'Thanks for the screenshot, I am passing it to our engineers.' },
    { note: 'Reproduced on Firefox 133, filed as BUG-2231.' },
  ],
  refund: [
    { c: 'I would like a refund for my last invoice.' },
    { a: 'I can help with that. Could you share the invoice number?' },
    { c: 'INV-2024-0917' },
    { a: 'Done: the refund will reach your card in 5 to 7 days.' },
    { c: 'Thanks, that was quick.' },
  ],
  invoice: [
    { c: 'Can you send me an invoice with our VAT number?' },
    { a: 'Sure, here it is.' },
    { file: 'invoice-0917.pdf', contentType: 'application/pdf', size: 81234, from: 'agent' },
    { c: 'Perfect.' },
  ],
  changedMind: [
    { c: 'I want to cancel my subscription.' },
    {
      deleted: 'Actually I want to cancel everything, my card is 4111 1111 1111 1111',
      from: 'customer',
    },
    { c: 'Sorry, ignore that, wrong account.' },
    { a: 'No problem! Anything else I can do?' },
    { c: 'No, thanks.' },
  ],
  complaint: [
    { c: 'This is the third time my delivery is late. Not happy.' },
    { a: 'I am really sorry. I have added a 20% voucher to your account.' },
    { note: 'Customer is upset, escalate if it happens again.' },
    { c: 'OK, thank you.' },
  ],
  thanks: [
    { c: 'Just wanted to say your support team is great!' },
    { a: 'Thank you so much, that made our day.' },
  ],
  spam: [{ c: 'BUY CHEAP FOLLOWERS NOW http://spam.example' }],
} satisfies Record<string, Line[]>

export type ScriptName = keyof typeof SCRIPTS
