#!/usr/bin/python3
"""Golden references for mwnet's bilevel step, from an independent PyTorch implementation.

For each of mwnet's classifiers (org.mwnet.nn.Models: mlp, lenet, resnet32) this script draws fixed parameters and
batches, runs one Meta-Weight-Net step in float64 with PyTorch's own autograd, and writes what mwnet must reproduce
into mwnet-core/src/test/resources/golden/<fixture>.npz (read by org.mwnet.meta.GoldenReferenceTest and
org.mwnet.train.GoldenUpdateTest):

  inputs          images, labels (one-hot), meta_images, meta_labels, lr; w/<name> (the classifier's parameters
                  and BatchNorm buffers), theta/<name> (V's), all in mwnet's names and layouts
  losses          per-sample cross-entropy of the training batch [n]
  weights         V(loss_i; theta) [n]
  lookahead/...   w' = w - lr * grad_w mean_i(V_i L_i(w)), V_i held constant (the loss is detached before V)
  meta_loss       mean cross-entropy of f(meta_images; w') [1]
  meta_grad/...   grad_theta meta_loss, through the look-ahead (autograd.grad with create_graph=True)
  partial_lookahead/..., partial_meta_loss, partial_meta_grad/...
                  the same for a partial look-ahead that moves only the layers PARTIAL names (the rest keep w):
                  mwnet's org.mwnet.meta.LookAheadLayers choice given there, and the parameters it moves
  update_grad/... grad_w mean_i(V_i L_i(w)) with V from the given theta held constant (the actual update)
  running/...     BatchNorm's running mean and unbiased variance after that update's forward pass (momentum 0.1)

mlp-classaware and lenet-classaware (read by org.mwnet.meta.ClassAwareGoldenTest) hold the same quantities but the
partial ones for CMW-Net's class-aware V on those classifiers: the shared Linear(1, h) + ReLU, then one
Linear(h, 1) + sigmoid head per class family, a sample weighted by the head of its observed label's family
(theta/vnet.fc2.* holds head f as column f). Their families come from a deliberately imbalanced, pair-flipped
training set (CLEAN_COUNTS, FLIPS) by an exact 1-D k-means of its observed label counts, found by brute force; they
also hold
  train_labels, train_clean_labels   that training set's observed and clean labels [N] (int64)
  class_counts    observed labels per class [K]; family_of_class its k-means families [K]; family_count F [1]
The clean labels' counts give other families, which would give some of the batch's samples another head.

Layouts: Dense weights are [in, out] (z = x W + b); Conv2d weights [kH, kW, inC, outC] (PyTorch's [outC, inC, kH,
kW] permuted); BatchNorm in training mode normalises with the biased batch variance and its running variance
averages the unbiased one, as PyTorch does.

Size: inputs and parameters are drawn on a grid of 2^-10 and stored as float32 (exact; Java casts them to double),
which compresses well. Derived arrays (lookahead, update_grad) with more than SAMPLE_ABOVE elements are stored as
SAMPLES entries at the flat C-order positions index/<name> plus the whole array's [sum, sum of squares] in
<quantity>.norms/<name>; the others in full float64.

Regenerate (from the repository root; needs Debian's python3-torch; --out writes elsewhere, e.g. to compare; name
fixtures to write only those, e.g. mlp-classaware lenet-classaware):
    /usr/bin/python3 mwnet-core/src/test/python/make_golden.py [--out DIR] [FIXTURE ...]
The draws come from torch.Generator seeded with SEED (+1 to +4 for the later fixtures, one seed each), so the same
torch version gives the same fixtures, whether written alone or together; another version may draw other values,
which is fine as long as the tests pass on them (the class-aware fixtures' labels and families are fixed).
Made with torch 1.13.0a0 (Debian python3-torch), numpy 1.24.2, SEED below, on the CPU.
"""
import argparse
import itertools
import os
import numpy as np
import torch
import torch.nn.functional as F

SEED = 20261128
LR = 0.1
BN_MOMENTUM = 0.1
BN_EPS = 1e-5
V_HIDDEN = 100
GRID = 2.0 ** -10
SAMPLE_ABOVE = 4096
SAMPLES = 256
# each model's partial look-ahead: mwnet's choice (LookAheadLayers) and the prefixes of the parameters it moves
PARTIAL = {'mlp': ('2', ('fc2.', 'fc3.')),
           'lenet': ('4', ('conv2.', 'fc1.', 'fc2.', 'fc3.')),
           'resnet32': ('last-stage', ('layer3.', 'linear.'))}
# CMW-Net's fixtures: F families of K = 10 classes, from a long-tailed training set whose pair flips (source,
# target, how many) move classes 2 and 6 into the middle family: the clean counts' families differ from the observed
FAMILIES = 3
CLEAN_COUNTS = (50, 45, 40, 22, 20, 18, 8, 6, 4, 2)
FLIPS = ((2, 6, 12), (0, 9, 3), (4, 3, 2))
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'resources', 'golden')
torch.set_default_dtype(torch.float64)


class Draw:
    """Seeded draws rounded to the storage grid (so float32 storage is exact)."""

    def __init__(self, seed):
        self.g = torch.Generator().manual_seed(seed)

    def normal(self, *shape, std=1.0, mean=0.0):
        return torch.round((torch.randn(*shape, generator=self.g) * std + mean) / GRID) * GRID

    def uniform(self, *shape, bound):
        return torch.round((torch.rand(*shape, generator=self.g) * 2 - 1) * bound / GRID) * GRID

    def labels(self, n, k):
        return F.one_hot(torch.randint(0, k, (n,), generator=self.g), k).double()


class Net:
    """A classifier written functionally over a dict of mwnet-named parameters in PyTorch layouts."""

    def __init__(self):
        self.params = {}   # name -> tensor, PyTorch layout
        self.buffers = {}  # BatchNorm running statistics
        self.convs = set()

    def dense(self, d, name, n_in, n_out):
        bound = n_in ** -0.5
        self.params[name + '.weight'] = d.uniform(n_in, n_out, bound=bound)
        self.params[name + '.bias'] = d.uniform(n_out, bound=bound)

    def conv(self, d, name, c_in, c_out, k, bias):
        fan_in = c_in * k * k
        self.params[name + '.weight'] = d.normal(c_out, c_in, k, k, std=(2 / fan_in) ** 0.5)
        self.convs.add(name + '.weight')
        if bias:
            self.params[name + '.bias'] = d.uniform(c_out, bound=fan_in ** -0.5)

    def bn(self, d, name, c):
        # generic values rather than the initial ones, so that every term of the layer matters
        self.params[name + '.weight'] = d.normal(c, std=0.2, mean=1.0)
        self.params[name + '.bias'] = d.normal(c, std=0.2)
        self.buffers[name + '.running_mean'] = d.normal(c, std=0.5)
        self.buffers[name + '.running_var'] = torch.round(torch.exp(d.normal(c, std=0.3)) / GRID) * GRID

    def mwnet_layout(self):
        """All parameters and buffers in mwnet's layouts."""
        return {name: self.to_mwnet(name, t) for name, t in list(self.params.items()) + list(self.buffers.items())}

    def to_mwnet(self, name, t):
        """A parameter or its gradient in mwnet's layout (convolutions [kH, kW, inC, outC])."""
        return t.permute(2, 3, 1, 0).contiguous() if name in self.convs else t


def bn_apply(x, p, name, running=None):
    """Training-mode batch norm; updates `running` (a buffer dict) in place when given."""
    rm = running[name + '.running_mean'] if running is not None else None
    rv = running[name + '.running_var'] if running is not None else None
    return F.batch_norm(x, rm, rv, p[name + '.weight'], p[name + '.bias'], training=True,
                        momentum=BN_MOMENTUM, eps=BN_EPS)


def mlp(d, shape, hidden, k):
    net = Net()
    n_in = int(np.prod(shape))
    for i, h in enumerate(hidden, start=1):
        net.dense(d, 'fc%d' % i, n_in, h)
        n_in = h
    net.dense(d, 'fc%d' % (len(hidden) + 1), n_in, k)
    layers = len(hidden) + 1

    def forward(x, p, running=None):
        x = x.flatten(1)
        for i in range(1, layers + 1):
            x = x @ p['fc%d.weight' % i] + p['fc%d.bias' % i]
            if i < layers:
                x = F.relu(x)
        return x
    return net, forward


def lenet(d, shape, k):
    net = Net()
    side = ((shape[1] - 4) // 2 - 4) // 2
    net.conv(d, 'conv1', shape[0], 6, 5, True)
    net.conv(d, 'conv2', 6, 16, 5, True)
    net.dense(d, 'fc1', 16 * side * side, 120)
    net.dense(d, 'fc2', 120, 84)
    net.dense(d, 'fc3', 84, k)

    def forward(x, p, running=None):
        x = F.avg_pool2d(F.relu(F.conv2d(x, p['conv1.weight'], p['conv1.bias'])), 2)
        x = F.avg_pool2d(F.relu(F.conv2d(x, p['conv2.weight'], p['conv2.bias'])), 2).flatten(1)
        x = F.relu(x @ p['fc1.weight'] + p['fc1.bias'])
        x = F.relu(x @ p['fc2.weight'] + p['fc2.bias'])
        return x @ p['fc3.weight'] + p['fc3.bias']
    return net, forward


def resnet32(d, shape, k, width):
    net = Net()
    net.conv(d, 'conv1', shape[0], width, 3, False)
    net.bn(d, 'bn1', width)
    blocks = []  # (prefix, in, out, stride)
    c_in = width
    for stage in range(3):
        c_out = width << stage
        for b in range(5):
            s = 2 if stage > 0 and b == 0 else 1
            prefix = 'layer%d.%d.' % (stage + 1, b)
            net.conv(d, prefix + 'conv1', c_in, c_out, 3, False)
            net.bn(d, prefix + 'bn1', c_out)
            net.conv(d, prefix + 'conv2', c_out, c_out, 3, False)
            net.bn(d, prefix + 'bn2', c_out)
            blocks.append((prefix, c_in, c_out, s))
            c_in = c_out
    # mwnet's ResNet linear layer is Kaiming normal; its bias PyTorch's uniform
    net.params['linear.weight'] = d.normal(c_in, k, std=(2 / c_in) ** 0.5)
    net.params['linear.bias'] = d.uniform(k, bound=c_in ** -0.5)

    def forward(x, p, running=None):
        x = F.relu(bn_apply(F.conv2d(x, p['conv1.weight'], padding=1), p, 'bn1', running))
        for prefix, ci, co, s in blocks:
            o = F.relu(bn_apply(F.conv2d(x, p[prefix + 'conv1.weight'], stride=s, padding=1), p, prefix + 'bn1',
                                running))
            o = bn_apply(F.conv2d(o, p[prefix + 'conv2.weight'], padding=1), p, prefix + 'bn2', running)
            if s != 1 or ci != co:  # option A: subsample and zero-pad the channels evenly
                x = F.pad(x[:, :, ::2, ::2], (0, 0, 0, 0, (co - ci) // 2, (co - ci) // 2))
            x = F.relu(o + x)
        return x.mean((2, 3)) @ p['linear.weight'] + p['linear.bias']
    return net, forward


def weight_net(d, heads=1):
    """V's theta in mwnet's names and layouts: vnet.fc1 a Linear(1, h), then `heads` Linear(h, 1) heads, each drawn
    as PyTorch initialises one and all side by side as the columns of vnet.fc2 ([h, heads] weight, [heads] bias)."""
    theta = {'vnet.fc1.weight': d.uniform(1, V_HIDDEN, bound=1.0), 'vnet.fc1.bias': d.uniform(V_HIDDEN, bound=1.0)}
    bound = V_HIDDEN ** -0.5
    drawn = [(d.uniform(V_HIDDEN, 1, bound=bound), d.uniform(1, bound=bound)) for _ in range(heads)]
    theta['vnet.fc2.weight'] = torch.cat([weight for weight, _ in drawn], dim=1)
    theta['vnet.fc2.bias'] = torch.cat([bias for _, bias in drawn])
    return theta


def v_hidden(losses, t):
    """V's shared first layer and ReLU: [n, h]."""
    return F.relu(losses.view(-1, 1) @ t['vnet.fc1.weight'] + t['vnet.fc1.bias'])


def v_apply(losses, t):
    """MW-Net's V: one sigmoid head."""
    return torch.sigmoid(v_hidden(losses, t) @ t['vnet.fc2.weight'] + t['vnet.fc2.bias']).view(-1)


def class_aware_v_apply(losses, family_of_sample, t):
    """CMW-Net's V, written per sample: the shared layer, then the sigmoid head of the sample's family alone (head f
    is column f of vnet.fc2), so that a head's parameters see only the samples of its family."""
    hidden = v_hidden(losses, t)
    return torch.stack([torch.sigmoid(hidden[i] @ t['vnet.fc2.weight'][:, f] + t['vnet.fc2.bias'][f])
                        for i, f in enumerate(family_of_sample.tolist())])


def kmeans_families(counts, families):
    """The exact 1-D k-means of the classes' label counts into `families` families, by brute force over every
    assignment of the classes (families^K of them), independent of mwnet's dynamic programme over sorted counts.
    Families are numbered by mean count, 0 the rarest. The optimum must be unique (up to that numbering) and its
    families' means distinct, so no tie rule is involved."""
    counts = np.asarray(counts, dtype=np.float64)
    assignments = np.array(list(itertools.product(range(families), repeat=len(counts))))
    member = assignments[:, :, None] == np.arange(families)
    size = member.sum(1)
    total = (member * counts[None, :, None]).sum(1)
    squares = (member * (counts * counts)[None, :, None]).sum(1)
    cost = (squares - total * total / np.maximum(size, 1)).sum(1)
    cost[(size == 0).any(1)] = np.inf
    optimal = set()
    for a in assignments[cost <= cost.min() + 1e-9]:
        means = [counts[a == f].mean() for f in range(families)]
        assert len(set(means)) == families, means
        rank = np.argsort(np.argsort(means))
        optimal.add(tuple(int(rank[f]) for f in a))
    assert len(optimal) == 1, optimal
    return list(optimal.pop())


def per_sample_ce(logits, onehot):
    return -(onehot * F.log_softmax(logits, dim=1)).sum(1)


def golden(out_dir, model, net, forward, shape, k, n, m, d):
    """MW-Net's fixture: V with one head, random labels, the exact and the partial look-ahead."""
    theta = weight_net(d)
    x, y = d.normal(n, *shape), d.labels(n, k)
    xm, ym = d.normal(m, *shape), d.labels(m, k)
    arrays = bilevel_step(net, forward, theta, lambda losses, labels: v_apply(losses, theta), (x, y, xm, ym), d,
                          PARTIAL[model][1])
    write(out_dir, model, arrays)


def class_aware_golden(out_dir, name, net, forward, shape, k, batch_labels, m, d):
    """CMW-Net's fixture: V with one head per class family, the families the k-means of the (noisy) training
    labels' counts, a training batch with the given observed labels, the exact look-ahead."""
    clean, noisy = training_labels()
    counts = np.bincount(noisy, minlength=k)
    family_of_class = torch.tensor(kmeans_families(counts, FAMILIES))
    clean_family_of_class = torch.tensor(kmeans_families(np.bincount(clean, minlength=k), FAMILIES))
    batch_labels = torch.tensor(batch_labels)
    # the batch meets every head, and the clean labels' families would give some of its samples another one
    assert set(family_of_class[batch_labels].tolist()) == set(range(FAMILIES))
    assert not torch.equal(family_of_class[batch_labels], clean_family_of_class[batch_labels])

    theta = weight_net(d, FAMILIES)
    x, y = d.normal(len(batch_labels), *shape), F.one_hot(batch_labels, k).double()
    xm, ym = d.normal(m, *shape), d.labels(m, k)
    arrays = bilevel_step(net, forward, theta,
                          lambda losses, labels: class_aware_v_apply(losses, family_of_class[labels.argmax(1)], theta),
                          (x, y, xm, ym), d, None)
    arrays.update({'train_labels': torch.tensor(noisy), 'train_clean_labels': torch.tensor(clean),
                   'class_counts': torch.tensor(counts), 'family_of_class': family_of_class,
                   'family_count': torch.tensor([FAMILIES])})
    write(out_dir, name, arrays)


def training_labels():
    """A deliberately imbalanced training set's labels, clean (CLEAN_COUNTS of each class in turn) and observed
    (the first n of class s relabelled t for each (s, t, n) in FLIPS)."""
    clean = np.repeat(np.arange(len(CLEAN_COUNTS)), CLEAN_COUNTS)
    noisy = clean.copy()
    for source, target, flipped in FLIPS:
        noisy[np.flatnonzero(clean == source)[:flipped]] = target
    return clean, noisy


def bilevel_step(net, forward, theta, vnet, batches, d, partial):
    """The quantities a fixture records for one bilevel step, in the order they are written.

    vnet(losses, one-hot labels) gives the training batch's weights from theta; partial names the prefixes of the
    parameters a partial look-ahead moves, or is None for none."""
    x, y, xm, ym = batches
    for t in theta.values():
        t.requires_grad_()
    names = list(net.params)
    w = {name: net.params[name].clone().requires_grad_() for name in names}

    def meta_step(moving):
        """Look-ahead of the `moving` parameters with V(theta), the looked-ahead classifier's meta loss, its
        gradient for theta."""
        losses = per_sample_ce(forward(x, w), y)
        v = vnet(losses.detach(), y)
        grads = torch.autograd.grad((v * losses).mean(), [w[p] for p in moving], create_graph=True)
        ahead = dict(w)
        ahead.update({p: w[p] - LR * g for p, g in zip(moving, grads)})
        meta_loss = per_sample_ce(forward(xm, ahead), ym).mean()
        return losses, v, ahead, meta_loss, torch.autograd.grad(meta_loss, list(theta.values()))

    losses, v, ahead, meta_loss, meta_grad = meta_step(names)
    moving = [p for p in names if partial is not None and p.startswith(partial)]
    if partial is not None:
        _, _, partial_ahead, partial_meta_loss, partial_meta_grad = meta_step(moving)

    # the actual update's gradient with the same theta (V held constant) and BatchNorm's running statistics
    running = {b: t.clone() for b, t in net.buffers.items()}
    update_losses = per_sample_ce(forward(x, w, running), y)
    with torch.no_grad():
        update_v = vnet(update_losses, y)
    update_grad = torch.autograd.grad((update_v * update_losses).mean(), [w[p] for p in names])

    arrays = {'images': x, 'labels': y, 'meta_images': xm, 'meta_labels': ym, 'lr': torch.tensor([LR]),
              'losses': losses, 'weights': v, 'meta_loss': meta_loss.reshape(1)}
    for name, t in net.mwnet_layout().items():
        arrays['w/' + name] = t
    for name, t in theta.items():
        arrays['theta/' + name] = t
    if partial is not None:
        arrays['partial_meta_loss'] = partial_meta_loss.reshape(1)
    for i, name in enumerate(theta):
        arrays['meta_grad/' + name] = meta_grad[i]
        if partial is not None:
            arrays['partial_meta_grad/' + name] = partial_meta_grad[i]
    for b, t in running.items():
        arrays['running/' + b] = t
    for p, g in zip(names, update_grad):
        store_derived(arrays, net.to_mwnet(p, ahead[p]), 'lookahead', p, d)
        store_derived(arrays, net.to_mwnet(p, g), 'update_grad', p, d)
    for p in moving:
        store_derived(arrays, net.to_mwnet(p, partial_ahead[p]), 'partial_lookahead', p, d)
    return arrays


def store_derived(arrays, t, quantity, name, d):
    """A derived array in full, or (when large) at sampled positions shared by all quantities, with its norms."""
    t = t.detach()
    if t.numel() <= SAMPLE_ABOVE:
        arrays[quantity + '/' + name] = t
        return
    flat = t.reshape(-1)
    if 'index/' + name not in arrays:
        arrays['index/' + name] = torch.sort(torch.randperm(flat.numel(), generator=d.g)[:SAMPLES]).values
    arrays[quantity + '/' + name] = flat[arrays['index/' + name]]
    arrays[quantity + '.norms/' + name] = torch.stack([flat.sum(), (flat * flat).sum()])


def write(out_dir, model, arrays):
    out = {}
    for key, t in arrays.items():
        a = t.detach().numpy()
        if key.startswith('index/'):
            a = a.astype(np.int64)
        elif key.split('/')[0] in ('images', 'labels', 'meta_images', 'meta_labels', 'w', 'theta'):
            assert np.array_equal(a.astype(np.float32).astype(np.float64), a), key
            a = a.astype(np.float32)
        out[key] = np.ascontiguousarray(a)
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, model + '.npz')
    np.savez_compressed(path, **out)
    print('%s: %d arrays, %d bytes' % (path, len(out), os.path.getsize(path)))


def fixture_writers():
    """Each fixture's name and a function writing it into a directory. Each draws from its own seed, so any of
    them can be written alone and come out the same."""
    k = 10
    mnist = (1, 28, 28)

    def mlp_fixture(out_dir):
        d = Draw(SEED)
        net, fwd = mlp(d, mnist, [16, 16], k)
        # batch 8: fc1 takes the factored look-ahead, fc2 and fc3 the materialised one (MetaStepGraph.cheaperFactored)
        golden(out_dir, 'mlp', net, fwd, mnist, k, 8, 4, d)

    def lenet_fixture(out_dir):
        d = Draw(SEED + 1)
        net, fwd = lenet(d, mnist, k)
        golden(out_dir, 'lenet', net, fwd, mnist, k, 4, 4, d)

    def resnet32_fixture(out_dir):
        d = Draw(SEED + 2)
        net, fwd = resnet32(d, (3, 32, 32), k, 16)
        golden(out_dir, 'resnet32', net, fwd, (3, 32, 32), k, 2, 2, d)

    def mlp_class_aware_fixture(out_dir):
        d = Draw(SEED + 3)
        net, fwd = mlp(d, mnist, [16, 16], k)
        class_aware_golden(out_dir, 'mlp-classaware', net, fwd, mnist, k, [2, 6, 0, 9, 4, 2, 7, 6], 4, d)

    def lenet_class_aware_fixture(out_dir):
        d = Draw(SEED + 4)
        net, fwd = lenet(d, mnist, k)
        class_aware_golden(out_dir, 'lenet-classaware', net, fwd, mnist, k, [6, 0, 9, 2], 4, d)

    return {'mlp': mlp_fixture, 'lenet': lenet_fixture, 'resnet32': resnet32_fixture,
            'mlp-classaware': mlp_class_aware_fixture, 'lenet-classaware': lenet_class_aware_fixture}


def main():
    writers = fixture_writers()
    parser = argparse.ArgumentParser(description='Writes the golden fixtures of mwnet-core\'s tests.')
    parser.add_argument('--out', default=FIXTURES, help='output directory (default: the test resources)')
    parser.add_argument('fixtures', nargs='*', metavar='FIXTURE',
                        help='fixtures to write, of %s (default: all)' % ', '.join(writers))
    args = parser.parse_args()
    unknown = [name for name in args.fixtures if name not in writers]
    if unknown:
        parser.error('unknown fixtures %s; expected some of %s' % (', '.join(unknown), ', '.join(writers)))
    for name in args.fixtures or writers:
        writers[name](args.out)


if __name__ == '__main__':
    main()
