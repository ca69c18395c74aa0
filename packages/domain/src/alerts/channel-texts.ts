import { localized } from '../safety/i18n.js';

/** Texts the channel adapters add to a message: the e-mail footer with the unsubscribe link (`{url}`). */
export const channelTexts = {
  unsubscribeFooter: localized(
    'To stop receiving these e-mails: {url}',
    'ये ई-मेल पाना बंद करने के लिए: {url}',
    'このメールの配信を停止するには: {url}',
  ),
};
