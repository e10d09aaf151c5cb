// Events as text, for the change log other processes read (and, later, PostgreSQL's NOTIFY
// payloads): JSON that names the event and what it changed. Decoding never fails: an entry this
// version cannot read — malformed, or an event a newer version added — stands for "every page
// may have changed" (SettingsChanged), which is always safe, only slower.
#pragma once

#include <string>
#include <string_view>

#include "content/events.h"

namespace gazette::content {

/// `event` as one line of JSON, e.g. {"event":"term_changed","kind":"tag","slug":"syrie"}.
std::string encode_event(const Event& event);

/// The event `text` encodes; SettingsChanged (everything may have changed) when it encodes none
/// this version knows. Never throws.
Event decode_event(std::string_view text);

}  // namespace gazette::content
