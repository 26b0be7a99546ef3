// The texts of the panels a read-only embed hides (the selection and the messages in
// flight), in both languages: they come with web/page-extras.js, so an embed that never
// shows those panels never downloads them.
export default {
  en: {
    'selection.none': 'Select a server or a message, in the cluster, the diagram or the lists, to see it here and act on it.',
    'selection.inFlight': 'In flight since step {step}.',
    'selection.gone': 'Message #{id} is not in flight at this step.',
    'selection.notYetSent': 'Not sent yet: it is sent at step {step}.',
    'selection.delivered': 'Delivered at step {step}.',
    'selection.dropped': 'Dropped at step {step} ({why}).',
    'selection.goTo': 'Go to step {step}',
    'inflight.empty': 'Nothing is in flight.',
    'inflight.due': 'due at tick {tick}',
    'inflight.copyOf': 'copy of #{id}',
  },
  'zh-CN': {
    'selection.none': '在集群图、时空图或列表中选中一台服务器或一条消息，即可在这里查看并操作。',
    'selection.inFlight': '自第 {step} 步起在途。',
    'selection.gone': '消息 #{id} 在这一步不在途中。',
    'selection.notYetSent': '尚未发送：它在第 {step} 步发送。',
    'selection.delivered': '在第 {step} 步送达。',
    'selection.dropped': '在第 {step} 步被丢弃（{why}）。',
    'selection.goTo': '跳到第 {step} 步',
    'inflight.empty': '没有在途消息。',
    'inflight.due': '预计在时钟周期 {tick} 送达',
    'inflight.copyOf': '#{id} 的副本',
  },
};
