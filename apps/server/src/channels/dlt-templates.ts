import type { Config } from '../config/config.js';

/**
 * India's DLT content template id registered for a message template ('alert', 'update', 'cancel', 'manual'), from
 * SMS_DLT_TEMPLATES; undefined when none is configured (outside India, or not registered yet — Indian operators
 * then drop the SMS, which its status callback reports as failed).
 */
export function dltTemplateId(config: Pick<Config, 'SMS_DLT_TEMPLATES'>, template: string): string | undefined {
  return config.SMS_DLT_TEMPLATES[template.toLowerCase()];
}
