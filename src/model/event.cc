#include "model/event.h"

namespace oversight::model {

std::string_view ChannelName(Channel channel) {
  switch (channel) {
    case Channel::kUnknown: return "";
    case Channel::kOnline: return "online";
    case Channel::kWindow: return "window";
    case Channel::kMobile: return "mobile";
  }
  return "";
}

std::optional<Channel> ParseChannel(std::string_view name) {
  if (name.empty()) return Channel::kUnknown;
  if (name == "online") return Channel::kOnline;
  if (name == "window") return Channel::kWindow;
  if (name == "mobile") return Channel::kMobile;
  return std::nullopt;
}

}  // namespace oversight::model
